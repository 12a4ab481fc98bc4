import { z } from 'zod';
import { STRENGTH_DIMENSIONS } from '../../catalogue/strengths';
import { LIMITS } from '../../limits';
import { SIDES } from '../../sides';
import type { ExerciseDefinition } from '../types';
import { strengthsExportText } from './exportText';

/** A strength of the other party, in one of the four dimensions; `aboutSide` is the side it is a strength of. */
export const STRENGTH = 'strength' as const;
/** A +1 on a strength (one per person per strength; `hidden` withdraws it). */
export const PLUS_ONE = 'plusOne' as const;
/** A role proposed by a participant: catchy name, one line, its side and the strengths it comes from. */
export const ROLE_PROPOSAL = 'roleProposal' as const;

const dimensionIds = STRENGTH_DIMENSIONS.map((d) => d.id) as [string, ...string[]];

export const strengthFields = z.object({
  text: z.string().trim().min(1).max(LIMITS.itemText),
  dimension: z.enum(dimensionIds),
  aboutSide: z.enum(SIDES),
  /** Added during the feedback round ("aanvulling"). */
  addition: z.boolean().optional(),
  /** Place on the wall, set by the facilitator when reordering. */
  order: z.number().optional(),
  /** Ids of the items merged into this one (each keeps its own author and time). */
  mergedFrom: z.array(z.string()).optional(),
  /** The work group (by side or mixed) the writer was in; `groupId` stays their cooperation. */
  workGroupId: z.string().max(60).optional(),
});

export const plusOneFields = z.object({ targetId: z.string().min(1).max(60) });

export const roleProposalFields = z.object({
  name: z.string().trim().min(1).max(LIMITS.name),
  description: z.string().trim().min(1).max(200),
  side: z.enum(SIDES),
  strengthIds: z.array(z.string()).max(20).default([]),
  workGroupId: z.string().max(60).optional(),
});

/** The three steps of the source's guided brainstorm (chapter 1, "Krachten en rollen"). */
export const STRENGTHS_PHASES = ['kracht', 'terugkoppeling', 'rollen'] as const;
export type StrengthsPhase = (typeof STRENGTHS_PHASES)[number];

/** The session's phase as this exercise knows it: a session starts in `main`, which is the first step. */
export const strengthsPhase = (phase: string | undefined): StrengthsPhase =>
  (STRENGTHS_PHASES as readonly string[]).includes(phase ?? '') ? (phase as StrengthsPhase) : 'kracht';

/** What the server keeps for this session: how people are grouped and how the facilitator curated the roles. */
export interface StrengthsState {
  grouping?: 'bySide' | 'mixed';
  groups?: Array<{ id: string; name: string; members: string[] }>;
  /** Proposed role ids the facilitator accepted into the catalogue. */
  acceptedRoles?: string[];
  /** New names per role id (source or proposed). */
  roleNames?: Record<string, string>;
  /** Role id → the role it was merged into. */
  roleMerges?: Record<string, string>;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);
const facilitator = ['facilitator'] as const;

/** Krachten en rollen: strengths of the other party, feedback on the wall, then roles for the catalogue. */
export const strengths: ExerciseDefinition = {
  kind: 'strengths',
  itemSchemas: { [STRENGTH]: strengthFields, [PLUS_ONE]: plusOneFields, [ROLE_PROPOSAL]: roleProposalFields },
  votable: [STRENGTH],
  exportText: strengthsExportText,
  phases: STRENGTHS_PHASES,
  phaseLabels: {
    kracht: { nl: 'Kracht van de ander', en: 'Strength of the other' },
    terugkoppeling: { nl: 'Terugkoppeling', en: 'Feedback' },
    rollen: { nl: 'Van kracht naar rol', en: 'From strength to role' },
  },
  ownPhaseButtons: true,
  actions: {
    'grouping.set': {
      schema: z.object({
        mode: z.enum(['bySide', 'mixed']),
        size: z.number().int().min(2).max(12).default(4),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
      }),
      roles: facilitator,
    },
    'role.accept': { schema: z.object({ roleId: id, accepted: z.boolean() }), roles: facilitator },
    'role.rename': {
      schema: z.object({ roleId: id, name: z.string().trim().min(1).max(LIMITS.name) }),
      roles: facilitator,
    },
    'role.merge': { schema: z.object({ roleId: id, intoId: id.nullable() }), roles: facilitator },
  },
};
