import { useState, type FormEvent } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { DotVote, useVoting, VoteBudget } from '../../components/toolkit/DotVote';
import type { PhoneProps } from '../types';
import { postQuestion } from './actions';
import { useFrameworkT } from './i18n';
import { Slide } from './Slide';
import { useDeck } from './useDeck';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';

/** The slide the room sees, at phone size, and a question to send. */
export function FrameworkPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useFrameworkT();
  const { slides, index, current, questions } = useDeck(session.id);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const mine = questions.filter((q) => q.authorId === participantId).reverse();
  const voting = useVoting(participantId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    if (postQuestion({ sessionId: session.id, groupId, authorId: participantId, text })) {
      setText('');
      setSent(true);
    }
  };
  return (
    <div className="framework-phone">
      <section className="slide-frame" aria-label={t('slideOf', { n: index + 1, total: slides.length })}>
        <Slide markdown={current} className="slide--phone" />
        <p className="muted" data-testid="slide-count" data-slide={index}>
          {t('slideOf', { n: index + 1, total: slides.length })}
        </p>
      </section>
      {voting && (
        <section aria-labelledby="vote-questions">
          <h3 id="vote-questions">{t('voteQuestions')}</h3>
          <VoteBudget participantId={participantId} />
          <ul className="note-list" data-testid="vote-questions">
            {questions.filter(isVisible).map((q) => (
              <li key={q.id} className="note" data-item-id={q.id}>
                <p className="note__text">{q.text}</p>
                <DotVote sessionId={session.id} participantId={participantId} targetId={q.id} label={q.text} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="my-questions">
          <h3 id="my-questions">{t('myQuestions')}</h3>
          <ul className="note-list" data-testid="my-questions">
            {mine.map((q) => (
              <li key={q.id} className="note" data-item-id={q.id}>
                <p className="note__text">{q.text}</p>
                <OwnItemActions item={q} locked={locked} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <DeletedItemUndo />
      <form className="note-form" onSubmit={submit} noValidate>
        <label htmlFor="question-input">{t('question')}</label>
        <textarea
          id="question-input"
          className="input note-form__text"
          rows={2}
          maxLength={LIMITS.itemText}
          value={text}
          disabled={locked}
          onChange={(e) => {
            setText(e.target.value);
            setSent(false);
          }}
          data-testid="question-input"
        />
        {sent && (
          <p className="muted" role="status">
            {t('sent')}
          </p>
        )}
        <div className="action-bar">
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={locked || !text.trim()}
            data-testid="question-send"
          >
            {t('send')}
          </button>
        </div>
      </form>
    </div>
  );
}
