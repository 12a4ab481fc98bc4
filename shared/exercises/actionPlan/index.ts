import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { exactlyOneWho, whoFields, workspaceActions } from '../dayTwo/workspace';
import { CONDITION_STATUSES } from './conditions';
import { actionPlanExportText } from './exportText';

export * from './conditions';
export { planToMarkdown } from './planToMarkdown';

export const PLAN_STEP = 'planStep' as const;
export const PLAN_CONDITION = 'planCondition' as const;

/** A step of the plan: what, who (member or party), when, whether it is the first step, the roles it builds on. */
export const planStepFields = z
  .object({
    what: z.string().trim().min(1).max(LIMITS.itemText),
    ...whoFields,
    when: z.string().trim().min(1).max(LIMITS.title),
    firstStep: z.boolean(),
    roleIds: z.array(z.string().max(60)).max(20),
    editableBy: z.literal('group'),
  })
  .refine(exactlyOneWho, { message: 'give either a member or a named party' });

/** One condition of the checklist, as marked by the cooperation (one item per cooperation and condition). */
export const planConditionFields = z.object({
  conditionId: z.string().min(1).max(40),
  status: z.enum(CONDITION_STATUSES),
  note: z.string().trim().max(LIMITS.itemText),
  editableBy: z.literal('group'),
});

/** Id of a cooperation's mark on a condition: fixed, so two phones marking it at once edit the same item. */
export const planConditionId = (sessionId: string, groupId: string, conditionId: string) =>
  `pc-${sessionId}-${groupId}-${conditionId}`.slice(0, 120);

/** Plan van aanpak: concrete steps per cooperation, checked against the conditions of the source. */
export const actionPlan: ExerciseDefinition = {
  kind: 'actionPlan',
  itemSchemas: { [PLAN_STEP]: planStepFields, [PLAN_CONDITION]: planConditionFields },
  exportText: actionPlanExportText,
  phases: ['main'],
  actions: { ...workspaceActions },
};
