import { useState } from 'react';
import { groupOfResearcher } from '../../../shared/exercises/dayTwo/workspace';
import { useDayTwoT } from './i18n';
import { useAssignedResearchers, useNames, useResearcherName } from './useWorkspace';

/** The researcher states their name (kept on the device); the view then follows their assigned cooperation. */
export function ResearcherBar() {
  const t = useDayTwoT();
  const [name, setName] = useResearcherName();
  const [draft, setDraft] = useState(name);
  const names = useNames();
  const groupId = groupOfResearcher(useAssignedResearchers(), name);
  return (
    <form
      className="daytwo-bar"
      onSubmit={(e) => {
        e.preventDefault();
        setName(draft.trim());
      }}
    >
      <div className="field field--inline">
        <label htmlFor="daytwo-researcher-name">{t('researcherName')}</label>
        <input
          id="daytwo-researcher-name"
          className="input input--small"
          value={draft}
          maxLength={60}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby="daytwo-researcher-hint"
          data-testid="researcher-name"
        />
        <button type="submit" className="button button--small" data-testid="researcher-name-save">
          {t('save')}
        </button>
      </div>
      <p id="daytwo-researcher-hint" className="muted" data-testid="researcher-following" data-group-id={groupId ?? ''}>
        {groupId ? t('following', { group: names.group(groupId) }) : name ? t('notAssigned') : t('researcherNameHint')}
      </p>
    </form>
  );
}
