import type { ExerciseViews } from '../types';
import { StrengthsConsole } from './StrengthsConsole';
import { StrengthsPhone } from './StrengthsPhone';
import { StrengthsResearcher } from './StrengthsResearcher';
import { StrengthsScreen } from './StrengthsScreen';

/** Krachten en rollen's four surfaces. */
export const strengthsViews: ExerciseViews = {
  Phone: StrengthsPhone,
  Screen: StrengthsScreen,
  Console: StrengthsConsole,
  Researcher: StrengthsResearcher,
};
