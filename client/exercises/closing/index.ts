import type { ExerciseViews } from '../types';
import { ClosingConsole, ClosingPhone, ClosingResearcher, ClosingScreen } from './ClosingViews';

/** Afsluiting's four surfaces. */
export const closingViews: ExerciseViews = {
  Phone: ClosingPhone,
  Screen: ClosingScreen,
  Console: ClosingConsole,
  Researcher: ClosingResearcher,
};
