import type { ExerciseViewLoaders } from '../types';

/** Visie's four surfaces, each loaded on first use. */
export const visionViews: ExerciseViewLoaders = {
  Phone: () => import('./VisionPhone').then((m) => m.VisionPhone),
  Screen: () => import('./VisionViews').then((m) => m.VisionScreen),
  Console: () => import('./VisionViews').then((m) => m.VisionConsole),
  Researcher: () => import('./VisionViews').then((m) => m.VisionResearcher),
  definition: () => import('../../../shared/exercises/vision').then((m) => m.vision),
};
