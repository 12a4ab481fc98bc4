import type { ExerciseViews } from '../types';
import { NoteWallConsole } from './NoteWallConsole';
import { NoteWallPhone } from './NoteWallPhone';
import { NoteWallResearcher } from './NoteWallResearcher';
import { NoteWallScreen } from './NoteWallScreen';

/** The note wall's four surfaces. */
export const noteWallViews: ExerciseViews = {
  Phone: NoteWallPhone,
  Screen: NoteWallScreen,
  Console: NoteWallConsole,
  Researcher: NoteWallResearcher,
};
