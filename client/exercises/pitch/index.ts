import type { ExerciseViews } from '../types';
import { PitchConsole } from './PitchConsole';
import { PitchPhone } from './PitchPhone';
import { PitchResearcher } from './PitchResearcher';
import { PitchScreen } from './PitchScreen';

/** The pitch's four surfaces. */
export const pitchViews: ExerciseViews = {
  Phone: PitchPhone,
  Screen: PitchScreen,
  Console: PitchConsole,
  Researcher: PitchResearcher,
};
