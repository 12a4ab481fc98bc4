import type { ExerciseViews } from '../types';
import { PrejudiceConsole } from './PrejudiceConsole';
import { PrejudicePhone } from './PrejudicePhone';
import { PrejudiceResearcher } from './PrejudiceResearcher';
import { PrejudiceScreen } from './PrejudiceScreen';

/** Vooroordelenspel's four surfaces. */
export const prejudiceGameViews: ExerciseViews = {
  Phone: PrejudicePhone,
  Screen: PrejudiceScreen,
  Console: PrejudiceConsole,
  Researcher: PrejudiceResearcher,
};
