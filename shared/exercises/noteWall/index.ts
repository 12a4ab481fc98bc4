import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { NOTE } from './kind';

export { NOTE } from './kind';

export const noteFields = z.object({
  text: z.string().trim().min(1).max(LIMITS.itemText),
});

/** The note wall: participants post short notes, the screen shows them live, the facilitator can hide one. */
export const noteWall: ExerciseDefinition = {
  kind: 'noteWall',
  itemSchemas: { [NOTE]: noteFields },
  votable: [NOTE],
  phases: ['main'],
};
