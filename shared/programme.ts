import { z } from 'zod';
import { EXERCISE_KINDS } from './exercises/registry';
import { LIMITS } from './limits';

export { EXERCISE_KINDS, type ExerciseKind } from './exercises/registry';
export { SIDES, type Side } from './sides';

/** How people are grouped during a session. */
export const GROUPINGS = ['plenary', 'perCooperation', 'bySide', 'mixed'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Text in Dutch (default) and English. */
export const localisedText = z.object({
  nl: z
    .string()
    .min(1)
    .max(LIMITS.title * 4),
  en: z
    .string()
    .min(1)
    .max(LIMITS.title * 4),
});
export type LocalisedText = z.infer<typeof localisedText>;

export const sessionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  day: z.union([z.literal(1), z.literal(2)]),
  title: localisedText,
  /** What participants are asked to do, shown on phones and the screen. */
  prompt: localisedText,
  kind: z.enum(EXERCISE_KINDS),
  grouping: z.enum(GROUPINGS),
  plannedMinutes: z.number().int().min(1).max(600),
  optional: z.boolean().default(false),
  /** Exercise-specific settings, validated by the exercise module. */
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type Session = z.infer<typeof sessionSchema>;

export const programmeSchema = z.array(sessionSchema).min(1).max(LIMITS.sessions);
