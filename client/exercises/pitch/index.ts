import type { ExerciseViewLoaders } from '../types';

/** The pitch's four surfaces, each loaded on first use. */
export const pitchViews: ExerciseViewLoaders = {
  Phone: () => import('./PitchPhone').then((m) => m.PitchPhone),
  Screen: () => import('./PitchScreen').then((m) => m.PitchScreen),
  Console: () => import('./PitchConsole').then((m) => m.PitchConsole),
  Researcher: () => import('./PitchResearcher').then((m) => m.PitchResearcher),
  definition: () => import('../../../shared/exercises/pitch').then((m) => m.pitch),
};
