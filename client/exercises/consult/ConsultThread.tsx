import type { Item } from '../../../shared/boardDoc';
import { useState } from 'react';
import {
  CONSULT_ADVICE,
  CONSULT_QUESTION,
  consultAdviceFields,
  consultQuestionFields,
} from '../../../shared/exercises/consult';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { useItems } from '../dayTwo/useItems';
import { useNames } from '../dayTwo/useWorkspace';
import { useConsultT } from './i18n';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';

/** One consult: the host's question, the advice given and by whom; `write` adds a form for the host or a visitor. */
export function ConsultThread(props: {
  sessionId: string;
  round: number;
  /** The round's stable id, when it has one: items written in it carry it. */
  roundId?: string;
  hostId: string;
  write?: { as: 'host' | 'visitor'; participantId: string; groupId: string; locked: boolean };
  /** The console: edit and delete any question or advice (the page shows `<DeletedItemUndo />` once). */
  moderate?: boolean;
}) {
  const t = useConsultT();
  const names = useNames();
  const host = names.group(props.hostId);
  // An item belongs to this consult by its round and host, and (when both have one) by the round's stable id.
  const at = (i: Item) =>
    i.round === props.round &&
    i.hostId === props.hostId &&
    (typeof i.roundId !== 'string' || !props.roundId || i.roundId === props.roundId);
  const questions = useItems(props.sessionId, CONSULT_QUESTION).filter(at);
  const advice = useItems(props.sessionId, CONSULT_ADVICE).filter(at);
  const [text, setText] = useState('');
  const w = props.write;
  const mayChange = (i: Item) => props.moderate || (!!w && i.authorId === w.participantId);
  const inputId = `consult-${props.round}-${props.hostId}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!w) return;
    const host = w.as === 'host';
    const res = addDayTwoItem(
      host ? consultQuestionFields : consultAdviceFields,
      {
        kind: host ? CONSULT_QUESTION : CONSULT_ADVICE,
        sessionId: props.sessionId,
        groupId: w.groupId,
        authorId: w.participantId,
      },
      { round: props.round, hostId: props.hostId, ...(props.roundId ? { roundId: props.roundId } : {}), text },
    );
    if (res.ok) setText('');
  };
  return (
    <div className="daytwo-stack" data-testid="consult-thread" data-round={props.round} data-host-name={host}>
      <section className="daytwo-card">
        <h3>{w?.as === 'host' ? t('question') : t('questionOf', { host })}</h3>
        {questions.length === 0 ? (
          <p className="muted">{t('noQuestion', { host })}</p>
        ) : (
          questions.map((q) => (
            <div key={q.id} data-testid="consult-question">
              <p>{String(q.text)}</p>
              {mayChange(q) && <OwnItemActions item={q} locked={w?.locked} />}
            </div>
          ))
        )}
      </section>
      <section className="daytwo-card">
        <h3>{t('advice')}</h3>
        {advice.length === 0 ? (
          <p className="muted">{t('noAdvice')}</p>
        ) : (
          <ul>
            {advice.map((a) => (
              <li key={a.id} data-testid="consult-advice">
                {String(a.text)}{' '}
                <span className="muted">
                  {t('adviceBy', { name: names.person(a.authorId), group: names.group(a.groupId) })}
                </span>
                {mayChange(a) && <OwnItemActions item={a} locked={w?.locked} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {w && <DeletedItemUndo />}
      {w && (
        <form className="daytwo-stack" onSubmit={submit}>
          <label htmlFor={inputId}>{w.as === 'host' ? t('question') : t('adviceLabel', { host })}</label>
          <textarea
            id={inputId}
            className="input"
            rows={2}
            maxLength={500}
            value={text}
            disabled={w.locked}
            onChange={(e) => setText(e.target.value)}
            data-testid={w.as === 'host' ? 'consult-question-input' : 'consult-advice-input'}
          />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={w.locked || !text.trim()}
            data-testid="consult-submit"
          >
            {w.as === 'host' ? t('addQuestion') : t('addAdvice')}
          </button>
        </form>
      )}
    </div>
  );
}
