import type { z } from 'zod';
import type { ExerciseKind } from '../programme';

/** What the shared layer knows about one exercise kind: its item kinds and their schemas. */
export interface ExerciseDefinition {
  kind: ExerciseKind;
  /** Item kinds this exercise writes to the board, with the schema of their own fields. */
  itemSchemas: Record<string, z.ZodType>;
  /** The phases the facilitator moves through; the first is where a session starts. */
  phases: readonly string[];
}
