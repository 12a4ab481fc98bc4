import type { ExerciseViewLoaders } from '../types';

/** Krachten en rollen's four surfaces, each loaded on first use. */
export const strengthsViews: ExerciseViewLoaders = {
  Phone: () => import('./StrengthsPhone').then((m) => m.StrengthsPhone),
  Screen: () => import('./StrengthsScreen').then((m) => m.StrengthsScreen),
  Console: () => import('./StrengthsConsole').then((m) => m.StrengthsConsole),
  Researcher: () => import('./StrengthsResearcher').then((m) => m.StrengthsResearcher),
  definition: () => import('../../../shared/exercises/strengths').then((m) => m.strengths),
};
