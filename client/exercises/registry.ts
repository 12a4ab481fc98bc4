import type { ExerciseKind } from '../../shared/programme';
import { actionPlanViews } from './actionPlan';
import { closingViews } from './closing';
import { consultViews } from './consult';
import { noteWallViews } from './noteWall';
import { roleMarketViews } from './roleMarket';
import { visionViews } from './vision';
import type { ExerciseViews } from './types';

/** Every exercise's views. Kinds not listed run as a note wall until their module lands (as in shared/). */
const VIEWS: Partial<Record<ExerciseKind, ExerciseViews>> = {
  noteWall: noteWallViews,
  roleMarket: roleMarketViews,
  consult: consultViews,
  actionPlan: actionPlanViews,
  vision: visionViews,
  closing: closingViews,
};

export function exerciseViews(kind: ExerciseKind): ExerciseViews {
  return VIEWS[kind] ?? noteWallViews;
}
