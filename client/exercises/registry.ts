import type { ExerciseKind } from '../../shared/programme';
import { frameworkViews } from './framework';
import { noteWallViews } from './noteWall';
import { pitchViews } from './pitch';
import { prejudiceGameViews } from './prejudiceGame';
import { strengthsViews } from './strengths';
import { treeViews } from './tree';
import { actionPlanViews } from './actionPlan';
import { closingViews } from './closing';
import { consultViews } from './consult';
import { roleMarketViews } from './roleMarket';
import { visionViews } from './vision';
import type { ExerciseViews } from './types';

/** Every exercise's views. Kinds not listed run as a note wall until their module lands (as in shared/). */
const VIEWS: Partial<Record<ExerciseKind, ExerciseViews>> = {
  noteWall: noteWallViews,
  pitch: pitchViews,
  framework: frameworkViews,
  strengths: strengthsViews,
  tree: treeViews,
  prejudiceGame: prejudiceGameViews,
  roleMarket: roleMarketViews,
  consult: consultViews,
  actionPlan: actionPlanViews,
  vision: visionViews,
  closing: closingViews,
};

export function exerciseViews(kind: ExerciseKind): ExerciseViews {
  return VIEWS[kind] ?? noteWallViews;
}
