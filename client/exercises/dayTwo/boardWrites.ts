import type { z } from 'zod';
import { createItem, deleteItem, patchItem, type WriteResult } from '../../sync/itemWrites';

export type { WriteResult };

/**
 * Adds an item of `kind` through the one write path (`client/sync/itemWrites.ts`): checked against the kind's schema
 * (the same schema the record uses), a private draft while private writing is on unless the cooperation shares it.
 */
export function addDayTwoItem(
  schema: z.ZodType,
  base: { kind: string; sessionId: string; groupId: string | null; authorId: string; id?: string },
  fields: Record<string, unknown>,
): WriteResult {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message };
  return createItem(base, parsed.data as Record<string, unknown>);
}

/** Changes fields of an item (your own, or one your cooperation edits together). */
export function patchDayTwoItem(id: string, patch: Record<string, unknown>): boolean {
  return patchItem(id, patch).ok;
}

/** Removes an item (your own); the update log keeps it for the record. */
export function deleteDayTwoItem(id: string): void {
  deleteItem(id);
}
