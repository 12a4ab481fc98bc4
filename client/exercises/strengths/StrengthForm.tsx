import { useState, type FormEvent } from 'react';
import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { LIMITS } from '../../../shared/limits';
import type { Side } from '../../../shared/programme';
import { localise, useLang } from '../../i18n/i18n';
import { postStrength } from './actions';
import { useStrengthsT } from './i18n';

/** One strength per note: a dimension (four large choices) and a short text. */
export function StrengthForm({
  who,
  extra,
  aboutSide,
  addition,
  locked,
  ask,
}: {
  who: { sessionId: string; groupId: string | null; authorId: string };
  extra?: { workGroupId?: string };
  aboutSide: Side | null;
  addition?: boolean;
  locked: boolean;
  ask: string;
}) {
  const t = useStrengthsT();
  const lang = useLang();
  const [dimension, setDimension] = useState<string>(STRENGTH_DIMENSIONS[0].id);
  const [side, setSide] = useState<Side>(aboutSide ?? 'formal');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    if (!text.trim()) return setError(t('empty'));
    const res = postStrength(who, {
      ...extra,
      text,
      dimension,
      aboutSide: aboutSide ?? side,
      ...(addition ? { addition } : {}),
    });
    if (res.ok) {
      setText('');
      setError(null);
    } else setError(res.reason === 'notConnected' ? t('notConnected') : t('empty'));
  };
  return (
    <form className="ex-form" onSubmit={submit} noValidate data-testid="strength-form">
      <p className="ex-form__ask">{ask}</p>
      {!aboutSide && (
        <fieldset className="choice-row">
          <legend>{t('aboutSide')}</legend>
          {(['formal', 'informal'] as const).map((s) => (
            <label key={s} className="choice" data-testid={`about-${s}`}>
              <input type="radio" name="about-side" checked={side === s} onChange={() => setSide(s)} />
              {s === 'formal' ? t('formal') : t('informal')}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="choice-grid">
        <legend>{t('dimension')}</legend>
        {STRENGTH_DIMENSIONS.map((d) => (
          <label key={d.id} className="choice" data-testid={`dimension-${d.id}`}>
            <input type="radio" name="dimension" checked={dimension === d.id} onChange={() => setDimension(d.id)} />
            {localise(d.name, lang)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="strength-input">{addition ? t('addition') : t('strength')}</label>
      <textarea
        id="strength-input"
        className="input"
        rows={2}
        maxLength={LIMITS.itemText}
        value={text}
        placeholder={t('strengthPlaceholder')}
        disabled={locked}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        data-testid="strength-input"
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={locked}
        data-testid="strength-post"
      >
        {t('post')}
      </button>
    </form>
  );
}
