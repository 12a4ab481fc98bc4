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
 * Every exercise with server-side commands. The note wall needs none: its notes are written by clients straight
 * into the board.
 */
const SERVER_EXERCISES: Partial<Record<ExerciseKind, ServerExercise>> = {
  pitch: pitchServer,
  framework: frameworkServer,
  strengths: strengthsServer,
  tree: treeServer,
  prejudiceGame: prejudiceGameServer,
  roleMarket: roleMarketServer,
  consult: consultServer,
  actionPlan: actionPlanServer,
  vision: visionServer,
};

export const serverExercise = (kind: ExerciseKind): ServerExercise | undefined => SERVER_EXERCISES[kind];
