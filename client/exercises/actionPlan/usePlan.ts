import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { PLAN_CONDITION, PLAN_STEP, type ConditionStatus } from '../../../shared/exercises/actionPlan';
import { planRoles, roleNameIn } from '../../../shared/exercises/actionPlan/planRoles';
import type { Session } from '../../../shared/programme';
import { useItemsWithDrafts } from '../../sync/privateWriting';
import { useControlStore } from '../../store/controlStore';
import { useItems } from '../dayTwo/useItems';

export type Step = Item & { what: string; when: string; firstStep: boolean; roleIds: string[] };
export type Mark = Item & { conditionId: string; status: ConditionStatus; note: string };

/** A cooperation's plan: its steps (first step first), its checklist marks, and the roles it picked on the market. */
export function usePlan(session: Session, groupId: string | null) {
  const steps = useItems(session.id, PLAN_STEP, groupId) as Step[];
  const marks = useItems(session.id, PLAN_CONDITION, groupId) as Mark[];
  const programme = useControlStore((s) => s.programme);
  const exercises = useControlStore((s) => s.exercises);
  const items = useItemsWithDrafts();
  // Roles picked on the market and roles named on day one, by day one's curated catalogue.
  const { pickedRoles, roleName } = useMemo(() => {
    const all = Object.values(items);
    return {
      pickedRoles: planRoles(all, programme, exercises, groupId),
      roleName: roleNameIn(all, programme, exercises),
    };
  }, [items, programme, exercises, groupId]);
  const sorted = [...steps].sort((a, b) => Number(b.firstStep) - Number(a.firstStep) || a.createdAt - b.createdAt);
  return { steps: sorted, marks, pickedRoles, roleName };
}
