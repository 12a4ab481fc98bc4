import type { ExerciseKind } from '../programme';
import { actionPlan } from './actionPlan';
import { closing } from './closing';
import { consult } from './consult';
import { noteWall } from './noteWall';
import { roleMarket } from './roleMarket';
import { vision } from './vision';
import type { ExerciseDefinition } from './types';

/** Every exercise module of the shared layer. Kinds not listed run as a note wall until their module lands. */
const EXERCISES: Partial<Record<ExerciseKind, ExerciseDefinition>> = {
  noteWall,
  roleMarket,
  consult,
  actionPlan,
  vision,
  closing,
};

export function exerciseFor(kind: ExerciseKind): ExerciseDefinition {
  return EXERCISES[kind] ?? noteWall;
}

/** Schema of an item kind's own fields, whichever exercise defines it. */
export function itemSchema(itemKind: string) {
  for (const def of Object.values(EXERCISES)) {
    const s = def?.itemSchemas[itemKind];
    if (s) return s;
  }
  return undefined;
}
