import { EXERCISE_KINDS, exerciseFor, isExerciseKind } from '../../shared/exercises/registry';
import type { ExerciseKind } from '../../shared/programme';
import { frameworkServer } from './framework';
import { pitchServer } from './pitch';
import { prejudiceGameServer } from './prejudiceGame';
import { strengthsServer } from './strengths';
import { treeServer } from './tree';
import { actionPlanServer } from './actionPlan';
import { consultServer } from './consult';
import { roleMarketServer } from './roleMarket';
import type { ServerExercise } from './types';
import { visionServer } from './vision';

/**
 * Every exercise kind's server side: one line per kind of `shared/exercises/registry.ts` (a missing kind fails the
 * typecheck), `null` for a kind with no commands (the note wall's notes are written by clients straight into the
 * board).
 */
const SERVER_EXERCISES: Record<ExerciseKind, ServerExercise | null> = {
  opening: null,
  noteWall: null,
  pitch: pitchServer,
  framework: frameworkServer,
  strengths: strengthsServer,
  tree: treeServer,
  prejudiceGame: prejudiceGameServer,
  vision: visionServer,
  roleMarket: roleMarketServer,
  consult: consultServer,
  actionPlan: actionPlanServer,
  closing: null,
};

/** A kind's command handlers (null: it has none); a kind the shared registry does not know throws. */
export function serverExercise(kind: ExerciseKind): ServerExercise | null {
  if (!isExerciseKind(kind))
    throw new Error(`unknown exercise kind "${String(kind)}" (not in shared/exercises/registry.ts)`);
  return SERVER_EXERCISES[kind];
}

/**
 * Where the server's handlers and the shared definitions disagree: an action declared without a handler, a handler
 * for an action nobody declared, or a handler registered under another kind. Empty when every kind is complete.
 */
export function registryGaps(server: Record<ExerciseKind, ServerExercise | null> = SERVER_EXERCISES): string[] {
  const gaps: string[] = [];
  for (const kind of EXERCISE_KINDS) {
    const declared = Object.keys(exerciseFor(kind).actions ?? {});
    const entry = server[kind];
    const handled = Object.keys(entry?.actions ?? {});
    if (entry && entry.kind !== kind) gaps.push(`${kind}: its server entry is ${entry.kind}'s`);
    for (const a of declared) if (!handled.includes(a)) gaps.push(`${kind}.${a}: no server handler`);
    for (const a of handled) if (!declared.includes(a)) gaps.push(`${kind}.${a}: handler for an undeclared action`);
  }
  return gaps;
}

// Refused at start: a server that would answer "no action" to a command its clients offer does not start.
const gaps = registryGaps();
if (gaps.length > 0) throw new Error(`exercise registries disagree: ${gaps.join('; ')}`);
