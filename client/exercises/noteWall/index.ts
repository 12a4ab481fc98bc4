import type { ExerciseViewLoaders } from '../types';

/** The note wall's four surfaces, each loaded on first use. */
export const noteWallViews: ExerciseViewLoaders = {
  Phone: () => import('./NoteWallPhone').then((m) => m.NoteWallPhone),
  Screen: () => import('./NoteWallScreen').then((m) => m.NoteWallScreen),
  Console: () => import('./NoteWallConsole').then((m) => m.NoteWallConsole),
  Researcher: () => import('./NoteWallResearcher').then((m) => m.NoteWallResearcher),
  definition: () => import('../../../shared/exercises/noteWall').then((m) => m.noteWall),
};
