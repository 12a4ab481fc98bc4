import { useState } from 'react';
import { MAX_DECK } from '../../../shared/exercises/framework';
import { useLang } from '../../i18n/i18n';
import { DEFAULT_DECK } from '../../../shared/exercises/framework/defaultDeck';
import { useVoting } from '../../components/toolkit/DotVote';
import { setItemHidden } from '../../sync/boardActions';
import { runCommand } from '../../sync/commands';
import { runExerciseAction } from '../useExercise';
import type { ConsoleProps } from '../types';
import { useFrameworkT } from './i18n';
import { Slide } from './Slide';
import { useDeck } from './useDeck';

/** Slide controls with a preview, the Markdown deck editor, and the questions with spotlight and hide. */
export function FrameworkConsole({ session, spotlightItemId }: ConsoleProps) {
  const t = useFrameworkT();
  const lang = useLang();
  const { custom, slides, index, current, questions } = useDeck(session.id);
  const [draft, setDraft] = useState<string | null>(null);
  const voting = useVoting(null);
  const goto = (slide: number) => void runExerciseAction(session.id, 'goto', { slide });
  return (
    <div className="framework-console">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={index === 0}
          onClick={() => goto(index - 1)}
          data-testid="slide-prev"
        >
          {t('previous')}
        </button>
        <span data-testid="console-slide-count">{t('slideOf', { n: index + 1, total: slides.length })}</span>
        <button
          type="button"
          className="button button--primary"
          disabled={index >= slides.length - 1}
          onClick={() => goto(index + 1)}
          data-testid="slide-next"
        >
          {t('next')}
        </button>
      </div>
      <div className="presenter" data-testid="presenter-view">
        <section className="presenter__slide" aria-labelledby="presenter-now">
          <h3 id="presenter-now">{t('thisSlide')}</h3>
          <Slide markdown={current} className="slide--preview" />
        </section>
        <section className="presenter__slide presenter__slide--next" aria-labelledby="presenter-next">
          <h3 id="presenter-next">{t('nextSlide')}</h3>
          {index < slides.length - 1 ? (
            <Slide markdown={slides[index + 1] ?? ''} className="slide--preview" />
          ) : (
            <p className="muted">{t('lastSlide')}</p>
          )}
        </section>
      </div>
      <details>
        <summary>{t('edit')}</summary>
        <label htmlFor="deck-editor">{t('deck')}</label>
        <textarea
          id="deck-editor"
          className="input deck-editor"
          rows={14}
          maxLength={MAX_DECK}
          value={draft ?? custom ?? DEFAULT_DECK[lang]}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="deck-editor"
        />
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={draft === null}
            onClick={() =>
              void runExerciseAction(session.id, 'setDeck', { markdown: draft ?? '' }).then(
                (ok) => ok && setDraft(null),
              )
            }
            data-testid="deck-save"
          >
            {t('save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={custom === null}
            onClick={() => void runExerciseAction(session.id, 'setDeck', { markdown: '' }).then(() => setDraft(null))}
          >
            {t('resetDeck')}
          </button>
        </div>
      </details>
      <h3>{t('questions')}</h3>
      {questions.length === 0 ? (
        <p className="muted">{t('noQuestions')}</p>
      ) : (
        <ul className="console-notes" data-testid="console-questions">
          {[...questions].reverse().map((q) => {
            const spotlit = q.id === spotlightItemId;
            return (
              <li key={q.id} className={`console-note ${q.hidden ? 'console-note--hidden' : ''}`}>
                <p className="console-note__text">{q.text}</p>
                {voting && (
                  <p className="vote-tally" data-testid="question-tally" data-count={voting.tally.get(q.id) ?? 0}>
                    {t('dots', { count: voting.tally.get(q.id) ?? 0 })}
                  </p>
                )}
                <div className="console-note__actions">
                  <button type="button" className="button button--small" onClick={() => setItemHidden(q.id, !q.hidden)}>
                    {q.hidden ? t('unhide') : t('hide')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={spotlit}
                    disabled={!!q.hidden}
                    onClick={() => void runCommand({ type: 'spotlight.set', itemId: spotlit ? null : q.id })}
                  >
                    {t('spotlight')}
                  </button>
                  {voting && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void runCommand({ type: 'summon', itemId: q.id })}
                    >
                      {t('summon')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
