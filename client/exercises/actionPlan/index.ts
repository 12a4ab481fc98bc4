import type { ExerciseViewLoaders } from '../types';

/** Plan van aanpak's four surfaces, each loaded on first use. */
export const actionPlanViews: ExerciseViewLoaders = {
  Phone: () => import('./PlanPhone').then((m) => m.PlanPhone),
  Screen: () => import('./PlanViews').then((m) => m.PlanScreen),
  Console: () => import('./PlanViews').then((m) => m.PlanConsole),
  Researcher: () => import('./PlanViews').then((m) => m.PlanResearcher),
  definition: () => import('../../../shared/exercises/actionPlan').then((m) => m.actionPlan),
};
