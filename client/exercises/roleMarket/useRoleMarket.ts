import { useMemo } from 'react';
import { ROLE_PICK, pickLimits, roleMarketCards, type RolePick } from '../../../shared/exercises/roleMarket';
import type { Session } from '../../../shared/programme';
import { useItems } from '../dayTwo/useItems';
import { useExerciseState } from '../useExercise';

/** The market's one catalogue (see `roleMarketCards`), created once. */
const MARKET = roleMarketCards();

/** Cards, limits and picks of a role-market session (optionally one cooperation's picks). */
export function useRoleMarket(session: Session, groupId?: string | null) {
  const state = useExerciseState(session.id);
  const items = useItems(session.id, ROLE_PICK, groupId);
  const picks = useMemo(() => items as unknown as RolePick[], [items]);
  const limits = pickLimits(session.settings, state);
  return { ...MARKET, limits, picks };
}
