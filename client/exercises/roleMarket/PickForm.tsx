import { useState } from 'react';
import type { RoleCard } from '../../../shared/catalogue/roles';
import { ROLE_PICK, rolePickFields } from '../../../shared/exercises/roleMarket';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { WhoPicker, whoFieldsOf, type Who } from '../dayTwo/WhoPicker';
import { useRoleMarketT } from './i18n';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/** Picking one role: who it applies to and why. */
export function PickForm(props: {
  card: RoleCard;
  sessionId: string;
  groupId: string | null;
  participantId: string;
  onDone: () => void;
}) {
  const t = useRoleMarketT();
  const tt = useT();
  const [who, setWho] = useState<Who>({ whoMemberId: '' });
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const w = whoFieldsOf(who);
    if (!w) return setError(t('needWho'));
    if (!why.trim()) return setError(t('needWhy'));
    const res = addDayTwoItem(
      rolePickFields,
      { kind: ROLE_PICK, sessionId: props.sessionId, groupId: props.groupId, authorId: props.participantId },
      { roleId: props.card.id, ...w, why },
    );
    if (res.ok) props.onDone();
    else setError(errorText(tt, res.reason));
  };
  const whyId = `why-${props.card.id}`;
  return (
    <form className="daytwo-stack" onSubmit={submit} noValidate data-testid="pick-form">
      <WhoPicker groupId={props.groupId} value={who} onChange={setWho} />
      <div className="field">
        <label htmlFor={whyId}>{t('why')}</label>
        <textarea
          id={whyId}
          className="input"
          rows={2}
          maxLength={500}
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          data-testid="pick-why"
        />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="pick-save">
          {t('save')}
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
