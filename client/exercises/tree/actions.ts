import { addItem, patchItem } from '../../../shared/boardDoc';
import { TREE_ITEM, treeItemFields } from '../../../shared/exercises/tree';
import { newId } from '../../../shared/ids';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { LOCAL_ORIGIN } from '../../sync/origins';

export type WriteResult = { ok: true; id: string } | { ok: false; reason: 'invalid' | 'notConnected' };

/** Hangs a note on a group's tree. */
export function addTreeItem(
  who: { sessionId: string; groupId: string | null; authorId: string },
  fields: unknown,
): WriteResult {
  const board = getActiveWorkshop()?.board;
  if (!board) return { ok: false, reason: 'notConnected' };
  const f = treeItemFields.safeParse(fields);
  if (!f.success) return { ok: false, reason: 'invalid' };
  const now = Date.now();
  const id = newId('i');
  board.transact(
    () => addItem(board, { id, kind: TREE_ITEM, ...who, createdAt: now, updatedAt: now, ...f.data }),
    LOCAL_ORIGIN,
  );
  return { ok: true, id };
}

/** Moves a note to another zone, or hides it (moderation). */
export function patchTreeItem(id: string, patch: Record<string, unknown>): boolean {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  let done = false;
  board.transact(() => {
    done = patchItem(board, id, patch, Date.now());
  }, LOCAL_ORIGIN);
  return done;
}
