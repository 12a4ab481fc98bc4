import { useState } from 'react';
import type { RoleCard } from '../../../shared/catalogue/roles';
import { PLAN_STEP, planStepFields } from '../../../shared/exercises/actionPlan';
import { localise, useLang } from '../../i18n/i18n';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { WhoPicker, whoFieldsOf, type Who } from '../dayTwo/WhoPicker';
import { usePlanT } from './i18n';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/** Adds a step: what, who (a member or a party), when, first step, linked to roles the cooperation picked. */
export function StepForm(props: {
  sessionId: string;
  groupId: string;
  participantId: string;
  pickedRoles: RoleCard[];
  locked: boolean;
}) {
  const t = usePlanT();
  const tt = useT();
  const lang = useLang();
  const [what, setWhat] = useState('');
  const [who, setWho] = useState<Who>({ whoMemberId: '' });
  const [when, setWhen] = useState('');
  const [firstStep, setFirstStep] = useState(false);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const w = whoFieldsOf(who);
    if (!what.trim() || !when.trim() || !w) return setError(t('needAll'));
    const res = addDayTwoItem(
      planStepFields,
      { kind: PLAN_STEP, sessionId: props.sessionId, groupId: props.groupId, authorId: props.participantId },
      { what, ...w, when, firstStep, roleIds, editableBy: 'group' },
    );
    if (!res.ok) return setError(errorText(tt, res.reason));
    setWhat('');
    setWhen('');
    setFirstStep(false);
    setRoleIds([]);
    setError(null);
  };
  return (
    <form className="daytwo-stack plan-noprint" onSubmit={submit} noValidate data-testid="step-form">
      <div className="field">
        <label htmlFor="step-what">{t('what')}</label>
        <textarea
          id="step-what"
          className="input"
          rows={2}
          maxLength={500}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
          data-testid="step-what"
        />
      </div>
      <WhoPicker groupId={props.groupId} value={who} onChange={setWho} />
      <div className="field">
        <label htmlFor="step-when">{t('when')}</label>
        <input
          id="step-when"
          className="input"
          maxLength={120}
          value={when}
          placeholder={t('whenPlaceholder')}
          onChange={(e) => setWhen(e.target.value)}
          data-testid="step-when"
        />
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={firstStep}
          onChange={(e) => setFirstStep(e.target.checked)}
          data-testid="step-first"
        />
        {t('firstStep')}
      </label>
      <fieldset className="daytwo-who">
        <legend>{t('roles')}</legend>
        {props.pickedRoles.length === 0 && <p className="muted">{t('noRoles')}</p>}
        {props.pickedRoles.map((r) => (
          <label key={r.id} className="choice">
            <input
              type="checkbox"
              checked={roleIds.includes(r.id)}
              onChange={(e) => setRoleIds(e.target.checked ? [...roleIds, r.id] : roleIds.filter((x) => x !== r.id))}
            />
            {localise(r.name, lang)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={props.locked}
        data-testid="step-add"
      >
        {t('addStep')}
      </button>
    </form>
  );
}
