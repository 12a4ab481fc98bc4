import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { SOURCE_ROLES } from '../../../shared/catalogue/roles';
import { PLAN_CONDITION, PLAN_STEP, type ConditionStatus } from '../../../shared/exercises/actionPlan';
import { ROLE_PICK } from '../../../shared/exercises/roleMarket';
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
  const items = useItemsWithDrafts();
  const pickedRoles = useMemo(() => {
    const marketSessions = new Set(programme.filter((s) => s.kind === 'roleMarket').map((s) => s.id));
    const ids = new Set(
      Object.values(items)
        .filter((i) => i.kind === ROLE_PICK && marketSessions.has(i.sessionId) && i.groupId === groupId && !i.hidden)
        .map((i) => String(i.roleId)),
    );
    return SOURCE_ROLES.filter((r) => ids.has(r.id));
  }, [items, programme, groupId]);
  const sorted = [...steps].sort((a, b) => Number(b.firstStep) - Number(a.firstStep) || a.createdAt - b.createdAt);
  return { steps: sorted, marks, pickedRoles };
}
