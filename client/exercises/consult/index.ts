import type { ExerciseViewLoaders } from '../types';

/** Consult's four surfaces, each loaded on first use. */
export const consultViews: ExerciseViewLoaders = {
  Phone: () => import('./ConsultPhone').then((m) => m.ConsultPhone),
  Screen: () => import('./ConsultScreen').then((m) => m.ConsultScreen),
  Console: () => import('./ConsultConsole').then((m) => m.ConsultConsole),
  Researcher: () => import('./ConsultResearcher').then((m) => m.ConsultResearcher),
  definition: () => import('../../../shared/exercises/consult').then((m) => m.consult),
};
