import { assignResearcher } from '../dayTwo/assignResearcher';
import type { ServerExercise } from '../types';

/** The action plan's only command is the shared researcher assignment; steps and checklist are board content. */
export const actionPlanServer: ServerExercise = { kind: 'actionPlan', actions: { assignResearcher } };
