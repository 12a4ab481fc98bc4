import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';

/** Item kind of a note on the wall. */
export const NOTE = 'note' as const;

export const noteFields = z.object({
  text: z.string().trim().min(1).max(LIMITS.itemText),
});

/** The note wall: participants post short notes, the screen shows them live, the facilitator can hide one. */
export const noteWall: ExerciseDefinition = {
  kind: 'noteWall',
  itemSchemas: { [NOTE]: noteFields },
  phases: ['main'],
};
