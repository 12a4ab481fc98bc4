import type { ExerciseViewLoaders } from '../types';

/** Boom van samenwerking's four surfaces, each loaded on first use. */
export const treeViews: ExerciseViewLoaders = {
  Phone: () => import('./TreePhone').then((m) => m.TreePhone),
  Screen: () => import('./TreeScreen').then((m) => m.TreeScreen),
  Console: () => import('./TreeConsole').then((m) => m.TreeConsole),
  Researcher: () => import('./TreeResearcher').then((m) => m.TreeResearcher),
  definition: () => import('../../../shared/exercises/tree').then((m) => m.tree),
};
