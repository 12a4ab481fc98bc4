import type { z } from 'zod';
import { addItem, itemsMap, patchItem } from '../../../shared/boardDoc';
import { newId } from '../../../shared/ids';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { LOCAL_ORIGIN } from '../../sync/origins';

export type WriteResult = { ok: true; id: string } | { ok: false; reason: string };

/** Adds an item of `kind` after checking its own fields against the kind's schema (the same schema the record uses). */
export function addDayTwoItem(
  schema: z.ZodType,
  base: { kind: string; sessionId: string; groupId: string | null; authorId: string; id?: string },
  fields: Record<string, unknown>,
): WriteResult {
  const board = getActiveWorkshop()?.board;
  if (!board) return { ok: false, reason: 'notConnected' };
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  const now = Date.now();
  const id = base.id ?? newId('i');
  board.transact(() => {
    addItem(board, { ...base, id, createdAt: now, updatedAt: now, ...(parsed.data as Record<string, unknown>) });
  }, LOCAL_ORIGIN);
  return { ok: true, id };
}

/** Changes fields of an item (your own, or one your cooperation edits together). */
export function patchDayTwoItem(id: string, patch: Record<string, unknown>): boolean {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  let done = false;
  board.transact(() => {
    done = patchItem(board, id, patch, Date.now());
  }, LOCAL_ORIGIN);
  return done;
}

/** Removes an item (your own); the update log keeps it for the record. */
export function deleteDayTwoItem(id: string): void {
  const board = getActiveWorkshop()?.board;
  if (!board) return;
  board.transact(() => itemsMap(board).delete(id), LOCAL_ORIGIN);
}
