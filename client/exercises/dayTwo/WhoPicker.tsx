import { useId } from 'react';
import { useDayTwoT } from './i18n';
import { useMembers } from './useWorkspace';

export interface Who {
  whoMemberId?: string;
  whoParty?: string;
}

/** Who something applies to: a member of the cooperation, or a named party such as "het wijkteam". */
export function WhoPicker({
  groupId,
  value,
  onChange,
}: {
  groupId: string | null;
  value: Who;
  onChange: (w: Who) => void;
}) {
  const t = useDayTwoT();
  const id = useId();
  const members = useMembers(groupId);
  const party = value.whoParty !== undefined;
  return (
    <fieldset className="daytwo-who">
      <legend>{t('whoLabel')}</legend>
      <label className="choice">
        <input type="radio" name={`${id}-kind`} checked={!party} onChange={() => onChange({ whoMemberId: '' })} />
        {t('whoMember')}
      </label>
      <label className="choice">
        <input
          type="radio"
          name={`${id}-kind`}
          checked={party}
          onChange={() => onChange({ whoParty: '' })}
          data-testid="who-party-choice"
        />
        {t('whoParty')}
      </label>
      {party ? (
        <div className="field">
          <label htmlFor={`${id}-party`}>{t('partyLabel')}</label>
          <input
            id={`${id}-party`}
            className="input"
            value={value.whoParty}
            maxLength={60}
            placeholder={t('partyPlaceholder')}
            onChange={(e) => onChange({ whoParty: e.target.value })}
            data-testid="who-party"
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-member`}>{t('chooseMember')}</label>
          <select
            id={`${id}-member`}
            className="input"
            value={value.whoMemberId ?? ''}
            onChange={(e) => onChange({ whoMemberId: e.target.value })}
            data-testid="who-member"
          >
            <option value="">—</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** The who as item fields (only the chosen one, trimmed), or null when nothing usable is chosen. */
export function whoFieldsOf(w: Who): Who | null {
  if (w.whoParty !== undefined) return w.whoParty.trim() ? { whoParty: w.whoParty.trim() } : null;
  return w.whoMemberId ? { whoMemberId: w.whoMemberId } : null;
}
