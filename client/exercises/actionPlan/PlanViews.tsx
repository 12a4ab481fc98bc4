import { checklistSummary } from '../../../shared/exercises/actionPlan';
import type { Session } from '../../../shared/programme';
import { useControlStore } from '../../store/controlStore';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup, useNames } from '../dayTwo/useWorkspace';
import type { ConsoleProps, ResearcherProps, ScreenProps } from '../types';
import { usePlanT } from './i18n';
import { PlanDocument } from './PlanDocument';
import { usePlan } from './usePlan';
import '../dayTwo/dayTwo.css';
import './plan.css';

function GroupPlan({ session, groupId }: { session: Session; groupId: string }) {
  const { steps, marks } = usePlan(session, groupId);
  return <PlanDocument groupId={groupId} steps={steps} marks={marks} />;
}

/** Console: researchers per cooperation and every cooperation's plan. */
export function PlanConsole({ session }: ConsoleProps) {
  const groups = useControlStore((s) => s.groups);
  return (
    <div className="daytwo-stack">
      <AssignResearchers session={session} />
      {groups.map((g) => (
        <section key={g.id} className="daytwo-card">
          <GroupPlan session={session} groupId={g.id} />
        </section>
      ))}
    </div>
  );
}

/** Researcher: the followed cooperation's plan (or all). */
export function PlanResearcher({ session, groupId }: ResearcherProps) {
  const followed = useFollowedGroup(groupId);
  const groups = useControlStore((s) => s.groups).filter((g) => !followed || g.id === followed);
  return (
    <div className="daytwo-stack" data-testid="plan-researcher">
      <ResearcherBar />
      {groups.map((g) => (
        <section key={g.id} className="daytwo-card" data-testid="researcher-group-section" data-group-name={g.name}>
          <GroupPlan session={session} groupId={g.id} />
        </section>
      ))}
    </div>
  );
}

function ScreenCard({ session, groupId }: { session: Session; groupId: string }) {
  const t = usePlanT();
  const names = useNames();
  const { steps, marks } = usePlan(session, groupId);
  const first = steps.find((s) => s.firstStep) ?? steps[0];
  return (
    <section className="daytwo-screen-card" data-testid="plan-screen-card" data-group-name={names.group(groupId)}>
      <h2>{names.group(groupId)}</h2>
      <p>
        {t('steps')}: {steps.length}
      </p>
      {first && (
        <p>
          <strong>{t('first')}:</strong> {first.what} ({names.who(first)}, {first.when})
        </p>
      )}
      <p>{t('summary', checklistSummary(marks))}</p>
    </section>
  );
}

/** Screen: per cooperation the number of steps, the first step and the checklist at a glance. */
export function PlanScreen({ session }: ScreenProps) {
  const groups = useControlStore((s) => s.groups);
  return (
    <div className="daytwo-screen-grid" data-testid="plan-screen">
      {groups.map((g) => (
        <ScreenCard key={g.id} session={session} groupId={g.id} />
      ))}
    </div>
  );
}
