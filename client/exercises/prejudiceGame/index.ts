import type { ExerciseViewLoaders } from '../types';

/** Vooroordelenspel's four surfaces, each loaded on first use. */
export const prejudiceGameViews: ExerciseViewLoaders = {
  Phone: () => import('./PrejudicePhone').then((m) => m.PrejudicePhone),
  Screen: () => import('./PrejudiceScreen').then((m) => m.PrejudiceScreen),
  Console: () => import('./PrejudiceConsole').then((m) => m.PrejudiceConsole),
  Researcher: () => import('./PrejudiceResearcher').then((m) => m.PrejudiceResearcher),
  definition: () => import('../../../shared/exercises/prejudiceGame').then((m) => m.prejudiceGame),
};
