import type { ExerciseViews } from '../types';
import { FrameworkConsole } from './FrameworkConsole';
import { FrameworkPhone } from './FrameworkPhone';
import { FrameworkResearcher } from './FrameworkResearcher';
import { FrameworkScreen } from './FrameworkScreen';

/** Kader's four surfaces. */
export const frameworkViews: ExerciseViews = {
  Phone: FrameworkPhone,
  Screen: FrameworkScreen,
  Console: FrameworkConsole,
  Researcher: FrameworkResearcher,
};
