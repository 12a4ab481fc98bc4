import { useNames } from '../dayTwo/useWorkspace';
import type { PhoneProps } from '../types';
import { Checklist } from './Checklist';
import { downloadPlan } from './download';
import { usePlanT } from './i18n';
import { PlanDocument } from './PlanDocument';
import { StepForm } from './StepForm';
import { usePlan } from './usePlan';
import '../dayTwo/dayTwo.css';
import './plan.css';

/** The cooperation's plan: add steps, mark the conditions, print or download it. */
export function PlanPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = usePlanT();
  const names = useNames();
  const { steps, marks, pickedRoles, roleName } = usePlan(session, groupId);
  if (!groupId) return null;
  return (
    <div className="daytwo-stack">
      <PlanDocument groupId={groupId} steps={steps} marks={marks} canRemove={!locked} roleName={roleName} />
      <div className="button-row plan-noprint">
        <button type="button" className="button" onClick={() => window.print()} data-testid="plan-print">
          {t('print')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadPlan(names.group(groupId), steps, marks, names.who, roleName)}
          data-testid="plan-download"
        >
          {t('download')}
        </button>
      </div>
      <StepForm
        sessionId={session.id}
        groupId={groupId}
        participantId={participantId}
        pickedRoles={pickedRoles}
        locked={locked}
      />
      <Checklist sessionId={session.id} groupId={groupId} participantId={participantId} marks={marks} locked={locked} />
    </div>
  );
}
