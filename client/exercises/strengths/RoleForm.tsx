import { useState, type FormEvent } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import type { Side } from '../../../shared/programme';
import { proposeRole } from './actions';
import { useStrengthsT } from './i18n';
import type { Strength } from './useStrengths';

/** A role proposal: catchy name, one line, its side and the strengths it comes from. */
export function RoleForm({
  who,
  extra,
  strengths,
  locked,
  defaultSide,
}: {
  who: { sessionId: string; groupId: string | null; authorId: string };
  extra?: { workGroupId?: string };
  strengths: Strength[];
  locked: boolean;
  defaultSide: Side;
}) {
  const t = useStrengthsT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [side, setSide] = useState<Side>(defaultSide);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const options = strengths.filter((s) => isVisible(s) && s.aboutSide === side);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    if (!name.trim() || !description.trim()) return setError(t('empty'));
    const res = proposeRole(who, {
      ...extra,
      name,
      description,
      side,
      strengthIds: picked.filter((id) => options.some((o) => o.id === id)),
    });
    if (res.ok) {
      setName('');
      setDescription('');
      setPicked([]);
      setError(null);
    } else setError(res.reason === 'notConnected' ? t('notConnected') : t('empty'));
  };
  return (
    <form className="ex-form" onSubmit={submit} noValidate data-testid="role-form">
      <p className="ex-form__ask">{t('roleAsk')}</p>
      <label htmlFor="role-name">{t('roleName')}</label>
      <input
        id="role-name"
        className="input"
        maxLength={60}
        value={name}
        placeholder={t('roleNamePlaceholder')}
        disabled={locked}
        onChange={(e) => setName(e.target.value)}
        data-testid="role-name"
      />
      <label htmlFor="role-description">{t('roleDescription')}</label>
      <input
        id="role-description"
        className="input"
        maxLength={200}
        value={description}
        disabled={locked}
        onChange={(e) => setDescription(e.target.value)}
        data-testid="role-description"
      />
      <fieldset className="choice-row">
        <legend>{t('roleSide')}</legend>
        {(['formal', 'informal'] as const).map((s) => (
          <label key={s} className="choice">
            <input type="radio" name="role-side" checked={side === s} onChange={() => setSide(s)} />
            {s === 'formal' ? t('formal') : t('informal')}
          </label>
        ))}
      </fieldset>
      {options.length > 0 && (
        <fieldset className="choice-list">
          <legend>{t('roleStrengths')}</legend>
          {options.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="checkbox"
                checked={picked.includes(s.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((x) => x !== s.id)))}
              />
              {s.text}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={locked}
        data-testid="role-propose"
      >
        {t('propose')}
      </button>
    </form>
  );
}
