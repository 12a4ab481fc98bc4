import { useState, type FormEvent } from 'react';
import { SCALE } from '../../../shared/exercises/prejudiceGame/statements';
import { localise, useLang } from '../../i18n/i18n';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import type { PhoneProps } from '../types';
import { sendExerciseAction } from '../useExercise';
import { usePrejudiceT } from './i18n';
import { usePrejudice } from './usePrejudice';
import './prejudice.css';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

// The phone remembers what it answered only locally, so the buttons do not invite a second try.
const answeredKey = (sessionId: string, statementId: string) =>
  `werkplaats:answered:${getActiveWorkshop()?.workshopId ?? ''}:${sessionId}:${statementId}`;
const wasAnswered = (key: string) => {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
};

/** The statement on the screen with a five-point answer, sent anonymously; and an anonymous suggestion box. */
export function PrejudicePhone({ session, locked }: PhoneProps) {
  const t = usePrejudiceT();
  const tt = useT();
  const lang = useLang();
  const { current } = usePrejudice(session.id);
  const [status, setStatus] = useState<Record<string, string>>({});
  const [suggestion, setSuggestion] = useState('');
  const [suggestStatus, setSuggestStatus] = useState<string | null>(null);
  const key = current ? answeredKey(session.id, current.id) : '';
  const done = current ? status[current.id] === 'sent' || status[current.id] === 'already' || wasAnswered(key) : false;

  const answer = async (value: number) => {
    if (!current || locked) return;
    const ack = await sendExerciseAction(session.id, 'answer', { statementId: current.id, value });
    const result = ack.ok ? 'sent' : ack.error.code === 'conflict' ? 'already' : errorText(tt, ack.error.code);
    if (ack.ok || ack.error.code === 'conflict') {
      try {
        window.localStorage.setItem(key, '1');
      } catch {
        // Not remembered; the server still refuses a second answer.
      }
    }
    setStatus((s) => ({ ...s, [current.id]: result }));
  };
  const suggest = async (e: FormEvent) => {
    e.preventDefault();
    if (locked || suggestion.trim().length < 3) return;
    const ack = await sendExerciseAction(session.id, 'statement.add', { text: suggestion });
    if (ack.ok) setSuggestion('');
    setSuggestStatus(ack.ok ? t('suggested') : t('failed', { message: errorText(tt, ack.error.code) }));
  };
  const s = current ? status[current.id] : undefined;

  return (
    <div className="prejudice-phone">
      {!current ? (
        <p role="status" data-testid="prejudice-waiting">
          {t('waiting')}
        </p>
      ) : (
        <section className="prejudice-question" aria-labelledby="prejudice-statement" data-statement-id={current.id}>
          <p className="muted">{t('statement')}</p>
          <p id="prejudice-statement" className="prejudice-question__text" data-testid="prejudice-statement">
            {localise(current.text, lang)}
          </p>
          {done ? (
            <p className="notice" role="status" data-testid="prejudice-sent">
              {s === 'already' ? t('already') : t('sent')}
            </p>
          ) : (
            <fieldset className="prejudice-scale">
              <legend>{t('howRecognisable')}</legend>
              {SCALE.map((label, n) => (
                <button
                  key={n}
                  type="button"
                  className="button button--block"
                  disabled={locked}
                  onClick={() => void answer(n + 1)}
                  data-testid={`answer-${n + 1}`}
                >
                  {n + 1}. {localise(label, lang)}
                </button>
              ))}
              <p className="field__hint">{t('anonymous')}</p>
              {s && s !== 'sent' && s !== 'already' && (
                <p className="field__error" role="alert">
                  {t('failed', { message: s })}
                </p>
              )}
            </fieldset>
          )}
        </section>
      )}
      <form className="ex-form" onSubmit={(e) => void suggest(e)} noValidate>
        <p className="ex-form__ask">{t('suggest')}</p>
        <label htmlFor="prejudice-suggest">{t('suggestLabel')}</label>
        <textarea
          id="prejudice-suggest"
          className="input"
          rows={2}
          maxLength={300}
          value={suggestion}
          disabled={locked}
          onChange={(e) => setSuggestion(e.target.value)}
          data-testid="prejudice-suggest"
        />
        {suggestStatus && <p role="status">{suggestStatus}</p>}
        <button type="submit" className="button button--block" disabled={locked} data-testid="prejudice-suggest-send">
          {t('send')}
        </button>
      </form>
    </div>
  );
}
