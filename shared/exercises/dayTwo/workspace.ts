import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { Session } from '../../programme';
import type { ExerciseAction } from '../types';

/** Key in a session's exercise state: cooperation (group) id → the name of its assigned researcher. */
export const RESEARCHERS_KEY = 'researchers';

export const assignResearcherPayload = z.object({
  groupId: z.string().min(1).max(40),
  /** Empty string clears the assignment. */
  name: z.string().trim().max(LIMITS.name),
});

/** The action every day-two exercise accepts, so the facilitator can assign researchers in whichever is running. */
export const workspaceActions: Record<string, ExerciseAction> = {
  assignResearcher: { schema: assignResearcherPayload, roles: ['facilitator'] },
};

/**
 * Researcher assignments of the whole workshop: the `researchers` maps of every session's exercise state, merged in
 * programme order (a later session's assignment wins), so an assignment made once carries through day two.
 */
export function assignedResearchers(
  programme: readonly Session[],
  exercises: Record<string, Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of programme) {
    const r = exercises[s.id]?.[RESEARCHERS_KEY];
    if (!r || typeof r !== 'object') continue;
    for (const [groupId, name] of Object.entries(r as Record<string, unknown>)) {
      if (typeof name !== 'string') continue;
      if (name) out[groupId] = name;
      else delete out[groupId];
    }
  }
  return out;
}

/** The cooperation a researcher (by the name they gave) is assigned to, or null. Names compare case-insensitively. */
export function groupOfResearcher(assignments: Record<string, string>, name: string): string | null {
  const wanted = name.trim().toLocaleLowerCase();
  if (!wanted) return null;
  for (const [groupId, n] of Object.entries(assignments)) if (n.trim().toLocaleLowerCase() === wanted) return groupId;
  return null;
}

/** Who an item is about: a member of the cooperation (participant id) or a named party ("het wijkteam"). */
export const whoFields = {
  whoMemberId: z.string().min(1).max(40).optional(),
  whoParty: z.string().trim().min(1).max(LIMITS.name).optional(),
};

/** Exactly one of member or party must be given. */
export const exactlyOneWho = (v: { whoMemberId?: string; whoParty?: string }) => !!v.whoMemberId !== !!v.whoParty;
