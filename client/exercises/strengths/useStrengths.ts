import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { PLUS_ONE, ROLE_PROPOSAL, STRENGTH, type StrengthsState } from '../../../shared/exercises/strengths';
import { byWallOrder } from '../../../shared/exercises/strengths/merge';
import { useSessionItemsWithDrafts as useSessionItems } from '../../sync/itemWrites';
import { useExerciseState } from '../useExercise';

export type Strength = Item & { text: string; dimension: string; aboutSide: 'formal' | 'informal' };
export type RoleProposal = Item & {
  name: string;
  description: string;
  side: 'formal' | 'informal';
  strengthIds: string[];
};

/** The session's strengths (wall order), role proposals and +1 counts per strength (merged ones counted in). */
export function useStrengths(sessionId: string) {
  const all = useSessionItems(sessionId);
  return useMemo(() => {
    const strengths = all.filter((i): i is Strength => i.kind === STRENGTH).sort(byWallOrder);
    const proposals = all.filter((i): i is RoleProposal => i.kind === ROLE_PROPOSAL);
    const plusOnes = all.filter((i) => i.kind === PLUS_ONE && !i.hidden);
    const rootOf = new Map(strengths.map((s) => [s.id, s.mergedInto ?? s.id]));
    const votes = new Map<string, Set<string>>();
    for (const p of plusOnes) {
      const root = rootOf.get(String(p.targetId));
      if (!root) continue;
      const set = votes.get(root) ?? new Set<string>();
      set.add(p.authorId ?? '');
      votes.set(root, set);
    }
    const plusCount = (id: string) => votes.get(id)?.size ?? 0;
    const myPlus = (id: string, who: string) => plusOnes.some((p) => p.targetId === id && p.authorId === who);
    return { all, strengths, proposals, plusCount, myPlus };
  }, [all]);
}

export const useStrengthsState = (sessionId: string): StrengthsState => useExerciseState(sessionId) as StrengthsState;
