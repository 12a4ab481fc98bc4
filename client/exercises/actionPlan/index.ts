import type { ExerciseViews } from '../types';
import { PlanPhone } from './PlanPhone';
import { PlanConsole, PlanResearcher, PlanScreen } from './PlanViews';

/** Plan van aanpak's four surfaces. */
export const actionPlanViews: ExerciseViews = {
  Phone: PlanPhone,
  Screen: PlanScreen,
  Console: PlanConsole,
  Researcher: PlanResearcher,
};
