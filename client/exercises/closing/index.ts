import type { ExerciseViewLoaders } from '../types';

/** Afsluiting's four surfaces, each loaded on first use. */
export const closingViews: ExerciseViewLoaders = {
  Phone: () => import('./ClosingViews').then((m) => m.ClosingPhone),
  Screen: () => import('./ClosingViews').then((m) => m.ClosingScreen),
  Console: () => import('./ClosingViews').then((m) => m.ClosingConsole),
  Researcher: () => import('./ClosingViews').then((m) => m.ClosingResearcher),
  definition: () => import('../../../shared/exercises/closing').then((m) => m.closing),
};
