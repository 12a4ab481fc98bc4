import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { closingExportText } from './exportText';

export const CLOSING_SUMMARY = 'closingSummary' as const;

/**
 * A summary of the two days' yield: by a cooperation's spokesperson (one per cooperation, `groupId` set) or by a
 * researcher (`groupId` null, with the name they gave).
 */
export const closingSummaryFields = z.object({
  by: z.enum(['spokesperson', 'researcher']),
  name: z.string().trim().min(1).max(LIMITS.name),
  text: z.string().trim().min(1).max(2000),
});

/** Order in which the facilitator steps through summaries: the cooperations in their order, then the researchers. */
export function closingOrder<T extends { by: string; groupId: string | null; createdAt: number }>(
  summaries: readonly T[],
  groupOrder: readonly string[],
): T[] {
  const rank = (s: T) => (s.by === 'spokesperson' ? groupOrder.indexOf(s.groupId ?? '') : groupOrder.length);
  return [...summaries].sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}

/** Afsluiting: a spokesperson per cooperation and the researchers sum up; the facilitator steps through them. */
export const closing: ExerciseDefinition = {
  kind: 'closing',
  itemSchemas: { [CLOSING_SUMMARY]: closingSummaryFields },
  exportText: closingExportText,
  phases: ['main'],
};
