import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { closingExportText } from './exportText';

export const CLOSING_SUMMARY = 'closingSummary' as const;
/** Who speaks for a cooperation: one group item per cooperation, set by any member or the facilitator. */
export const CLOSING_SPOKESPERSON = 'closingSpokesperson' as const;

/**
 * A summary of the two days' yield: by a cooperation's spokesperson (one per cooperation, `groupId` set) or by a
 * researcher (`groupId` null, with the name they gave).
 */
export const closingSummaryFields = z.object({
  by: z.enum(['spokesperson', 'researcher']),
  name: z.string().trim().min(1).max(LIMITS.name),
  text: z.string().trim().min(1).max(2000),
});

/** The cooperation's choice of spokesperson: any member may take it over (or hand it on), the facilitator too. */
export const closingSpokespersonFields = z.object({
  participantId: z.string().regex(/^[A-Za-z0-9_:-]{1,60}$/),
  editableBy: z.literal('group'),
});

/** Id of a cooperation's spokesperson choice: fixed, so every phone of the cooperation changes the same item. */
export const spokespersonId = (sessionId: string, groupId: string) => `sp-${sessionId}-${groupId}`.slice(0, 120);

/**
 * Who speaks for a cooperation: the member it chose (or the facilitator set), else whoever wrote its summary first.
 * Null while nobody has.
 */
export function currentSpokesperson(
  items: ReadonlyArray<
    { kind: string; groupId: string | null; authorId: string | null; createdAt: number } & Record<string, unknown>
  >,
  groupId: string,
): string | null {
  const chosen = items.find((i) => i.kind === CLOSING_SPOKESPERSON && i.groupId === groupId);
  if (chosen && typeof chosen.participantId === 'string') return chosen.participantId;
  const first = items
    .filter((i) => i.kind === CLOSING_SUMMARY && i.groupId === groupId && i.by === 'spokesperson')
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  return first?.authorId ?? null;
}

/**
 * A cooperation's summary as it is presented: the one its current spokesperson wrote, else the latest one (a former
 * spokesperson's text stays in the record, and is the starting point for the new spokesperson).
 */
export function groupSummary<
  T extends {
    kind: string;
    groupId: string | null;
    authorId: string | null;
    createdAt: number;
    updatedAt: number;
  } & Record<string, unknown>,
>(items: readonly T[], groupId: string): T | undefined {
  const speaker = currentSpokesperson(items, groupId);
  const mine = items.filter((i) => i.kind === CLOSING_SUMMARY && i.groupId === groupId && i.by === 'spokesperson');
  return mine.find((i) => i.authorId === speaker) ?? [...mine].sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

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
  itemSchemas: { [CLOSING_SUMMARY]: closingSummaryFields, [CLOSING_SPOKESPERSON]: closingSpokespersonFields },
  exportText: closingExportText,
  phases: ['main'],
};
