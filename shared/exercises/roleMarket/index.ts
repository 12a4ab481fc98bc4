import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { exactlyOneWho, whoFields, workspaceActions } from '../dayTwo/workspace';
import { roleMarketExportText } from './exportText';

export { roleMarketCards, filterCards } from './cards';
export { pickLimits, pickProgress, roleGrid, roleTally, type RolePick, type PickLimits } from './picks';

/** Item kinds of the role market. */
export const ROLE_PICK = 'rolePick' as const;
export const PICK_OBSERVATION = 'pickObservation' as const;

/** A participant's pick: a role, who in (or around) the cooperation it applies to, and why. */
export const rolePickFields = z
  .object({
    roleId: z.string().min(1).max(60),
    ...whoFields,
    why: z.string().trim().min(1).max(LIMITS.itemText),
  })
  .refine(exactlyOneWho, { message: 'give either a member or a named party' });

/** A researcher's observation attached to a pick. */
export const pickObservationFields = z.object({
  pickId: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(LIMITS.itemText),
  /** The name the researcher gave on their console, if any. */
  researcherName: z.string().trim().max(LIMITS.name).optional(),
});

export const setPickLimitsPayload = z
  .object({ minPicks: z.number().int().min(1).max(20), maxPicks: z.number().int().min(1).max(20) })
  .refine((v) => v.minPicks <= v.maxPicks, { message: 'minPicks must not exceed maxPicks' });

/** Rollenmarkt: each participant picks roles that apply to their own cooperation, with who and why. */
export const roleMarket: ExerciseDefinition = {
  kind: 'roleMarket',
  itemSchemas: { [ROLE_PICK]: rolePickFields, [PICK_OBSERVATION]: pickObservationFields },
  exportText: roleMarketExportText,
  phases: ['main'],
  actions: {
    ...workspaceActions,
    setPickLimits: { schema: setPickLimitsPayload, roles: ['facilitator'] },
  },
};
