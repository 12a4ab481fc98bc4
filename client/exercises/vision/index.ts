import type { ExerciseViews } from '../types';
import { VisionPhone } from './VisionPhone';
import { VisionConsole, VisionResearcher, VisionScreen } from './VisionViews';

/** Visie's four surfaces. */
export const visionViews: ExerciseViews = {
  Phone: VisionPhone,
  Screen: VisionScreen,
  Console: VisionConsole,
  Researcher: VisionResearcher,
};
