import { checklistSummary } from '../../../shared/exercises/actionPlan';
import type { Session } from '../../../shared/programme';
import { useControlStore } from '../../store/controlStore';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup, useNames } from '../dayTwo/useWorkspace';
import type { ConsoleProps, ResearcherProps, ScreenProps } from '../types';
import { Pager } from '../../views/screen/Pager';
import { useScreenFocus } from '../../views/screen/useScreenFocus';
import { usePlanT } from './i18n';
import { PlanDocument } from './PlanDocument';
import { usePlan } from './usePlan';
import '../dayTwo/dayTwo.css';
import './plan.css';

function GroupPlan({ session, groupId }: { session: Session; groupId: string }) {
  const { steps, marks, roleName } = usePlan(session, groupId);
  return <PlanDocument groupId={groupId} steps={steps} marks={marks} roleName={roleName} />;
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

function ScreenCard({ session, groupId, full }: { session: Session; groupId: string; full: boolean }) {
  const t = usePlanT();
  const names = useNames();
  const { steps, marks } = usePlan(session, groupId);
  const first = steps.find((s) => s.firstStep) ?? steps[0];
  const head = (
    <li className="screen-card" data-testid="plan-screen-card" data-group-name={names.group(groupId)}>
      <h2 className="screen-card__title">{names.group(groupId)}</h2>
      <p className="screen-card__meta">
        {t('steps')}: {steps.length} · {t('summary', checklistSummary(marks))}
      </p>
      {first && (
        <p className="screen-card__text" data-contribution>
          <strong>{t('first')}:</strong> {first.what} ({names.who(first)}, {first.when})
        </p>
      )}
    </li>
  );
  if (!full) return head;
  // Focused: every step of this cooperation's plan, each a card of its own.
  return (
    <>
      {head}
      {steps
        .filter((s) => s !== first)
        .map((s) => (
          <li key={s.id} className="screen-card" data-testid="plan-screen-step">
            <p className="screen-card__text" data-contribution>
              {s.what}
            </p>
            <p className="screen-card__meta">
              {names.who(s)}, {s.when}
            </p>
          </li>
        ))}
    </>
  );
}

/** Screen: per cooperation the number of steps, the first step and the checklist; a focused one shows every step. */
export function PlanScreen({ session }: ScreenProps) {
  const t = usePlanT();
  const focus = useScreenFocus();
  const all = useControlStore((s) => s.groups);
  const groups = all.some((g) => g.id === focus) ? all.filter((g) => g.id === focus) : all;
  return (
    <div className="screen-stack" data-testid="plan-screen">
      <Pager className="screen-wall screen-wall--wide" label={t('steps')}>
        {groups.map((g) => (
          <ScreenCard key={g.id} session={session} groupId={g.id} full={groups.length === 1} />
        ))}
      </Pager>
    </div>
  );
}
