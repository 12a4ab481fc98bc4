import { useMemo } from 'react';
import { ROLE_PICK, pickLimits, roleMarketCards, type RolePick } from '../../../shared/exercises/roleMarket';
import { roleCatalogueFor } from '../../../shared/exercises/strengths/catalogue';
import type { Session } from '../../../shared/programme';
import { useItemsWithDrafts } from '../../sync/privateWriting';
import { useControlStore } from '../../store/controlStore';
import { useItems } from '../dayTwo/useItems';
import { useExerciseState } from '../useExercise';

/**
 * The market's cards: day one's curated catalogue (Figuur 3 and 4 plus the roles accepted during Krachten en
 * rollen, renames and merges applied), as the source's workshop carried day one's roles into day two.
 */
function useMarketCards() {
  const items = useItemsWithDrafts();
  const programme = useControlStore((s) => s.programme);
  const exercises = useControlStore((s) => s.exercises);
  return useMemo(
    () => roleMarketCards(roleCatalogueFor(Object.values(items), programme, exercises)),
    [items, programme, exercises],
  );
}

/** Cards, limits and picks of a role-market session (optionally one cooperation's picks). */
export function useRoleMarket(session: Session, groupId?: string | null) {
  const state = useExerciseState(session.id);
  const market = useMarketCards();
  const items = useItems(session.id, ROLE_PICK, groupId);
  const picks = useMemo(() => items as unknown as RolePick[], [items]);
  const limits = pickLimits(session.settings, state);
  return { ...market, limits, picks };
}
