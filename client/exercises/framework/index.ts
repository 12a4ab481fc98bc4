import type { ExerciseViewLoaders } from '../types';

/** Kader's four surfaces, each loaded on first use. */
export const frameworkViews: ExerciseViewLoaders = {
  Phone: () => import('./FrameworkPhone').then((m) => m.FrameworkPhone),
  Screen: () => import('./FrameworkScreen').then((m) => m.FrameworkScreen),
  Console: () => import('./FrameworkConsole').then((m) => m.FrameworkConsole),
  Researcher: () => import('./FrameworkResearcher').then((m) => m.FrameworkResearcher),
  definition: () => import('../../../shared/exercises/framework').then((m) => m.framework),
};
