import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { workspaceActions } from '../dayTwo/workspace';

export * from './schedule';
import type { ConsultRound } from './schedule';
import { consultExportText } from './exportText';

/** Item kinds of the consults. */
export const CONSULT_QUESTION = 'consultQuestion' as const;
export const CONSULT_ADVICE = 'consultAdvice' as const;
export const CONSULT_TAKEAWAY = 'consultTakeaway' as const;

/** Names one consult: its round and host, e.g. `2:gZaandam`. */
export const consultKey = (round: number, hostId: string): string => `${round}:${hostId}`;

const consultRef = {
  round: z.number().int().min(1).max(20),
  hostId: z.string().min(1).max(40),
  /** The round's stable id (`ConsultRound.id`), so an item stays with its round and pair when the plan changes. */
  roundId: z.string().min(1).max(40).optional(),
};

/** The host's question or dilemma, written by the host cooperation. */
export const consultQuestionFields = z.object({ ...consultRef, text: z.string().trim().min(1).max(LIMITS.itemText) });
/** Advice given in a consult; its author is who gave it. */
export const consultAdviceFields = z.object({ ...consultRef, text: z.string().trim().min(1).max(LIMITS.itemText) });
/** "Wat nemen we mee": back in the own cooperation, linked to the consults it came from (`consultKey`s). */
export const consultTakeawayFields = z.object({
  text: z.string().trim().min(1).max(LIMITS.itemText),
  consultKeys: z.array(z.string().max(60)).max(20),
});

export const CONSULT_MODES = ['schedule', 'free'] as const;

export const configurePayload = z.object({
  mode: z.enum(CONSULT_MODES),
  rounds: z.number().int().min(1).max(10),
  roundMinutes: z.number().int().min(1).max(120),
  /** Free mode: most visiting cooperations per host. */
  cap: z.number().int().min(1).max(10).default(1),
});

/** 0 is "before the first round"; rounds.length + 1 is "afterwards, back in the own cooperation". */
export const setRoundPayload = z.object({ round: z.number().int().min(0).max(21) });
export const signUpPayload = z.object({ round: z.number().int().min(1).max(20), hostId: z.string().min(1).max(40) });

/** Exercise state of a consult session (written by the server). */
export interface ConsultState {
  mode?: (typeof CONSULT_MODES)[number];
  roundMinutes?: number;
  cap?: number;
  rounds?: ConsultRound[];
  round?: number;
}

/** Consult: cooperations visit each other in rounds; hosts bring a question, visitors give advice. */
export const consult: ExerciseDefinition = {
  kind: 'consult',
  itemSchemas: {
    [CONSULT_QUESTION]: consultQuestionFields,
    [CONSULT_ADVICE]: consultAdviceFields,
    [CONSULT_TAKEAWAY]: consultTakeawayFields,
  },
  exportText: consultExportText,
  phases: ['main'],
  actions: {
    ...workspaceActions,
    configure: { schema: configurePayload, roles: ['facilitator'] },
    setRound: { schema: setRoundPayload, roles: ['facilitator'] },
    signUp: { schema: signUpPayload, roles: ['participant'] },
  },
};
