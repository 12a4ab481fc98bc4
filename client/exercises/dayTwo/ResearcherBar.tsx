import { groupOfResearcher } from '../../../shared/exercises/dayTwo/workspace';
import { useDayTwoT } from './i18n';
import { useAssignedResearchers, useNames, useResearcherName } from './useWorkspace';

/**
 * Which cooperation this view follows: the one the facilitator assigned to the name the researcher gave at the top
 * of the research console.
 */
export function ResearcherBar() {
  const t = useDayTwoT();
  const [name] = useResearcherName();
  const names = useNames();
  const groupId = groupOfResearcher(useAssignedResearchers(), name);
  return (
    <p className="daytwo-bar muted" data-testid="researcher-following" data-group-id={groupId ?? ''}>
      {groupId ? t('following', { group: names.group(groupId) }) : name ? t('notAssigned') : t('researcherNameHint')}
    </p>
  );
}
