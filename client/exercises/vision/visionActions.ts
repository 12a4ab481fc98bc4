import * as Y from 'yjs';
import { addItem, itemsMap } from '../../../shared/boardDoc';
import { VISION_STATEMENT, visionStatementId } from '../../../shared/exercises/vision';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { LOCAL_ORIGIN } from '../../sync/origins';

/** Creates the cooperation's shared statement (a Y.Text in an item the whole cooperation may edit) if it is missing. */
export function ensureStatement(sessionId: string, groupId: string, authorId: string): string | null {
  const board = getActiveWorkshop()?.board;
  if (!board) return null;
  const id = visionStatementId(sessionId, groupId);
  if (itemsMap(board).has(id)) return id;
  const now = Date.now();
  board.transact(() => {
    addItem(board, {
      id,
      kind: VISION_STATEMENT,
      sessionId,
      groupId,
      authorId,
      createdAt: now,
      updatedAt: now,
      text: new Y.Text(),
      editableBy: 'group',
    });
  }, LOCAL_ORIGIN);
  return id;
}

/**
 * Applies a textarea's new value to the shared text as one small edit (common prefix and suffix kept), so
 * concurrent typing by others elsewhere in the text survives.
 */
export function editStatement(id: string, next: string): void {
  const board = getActiveWorkshop()?.board;
  const item = board && itemsMap(board).get(id);
  const text = item?.get('text');
  if (!board || !item || !(text instanceof Y.Text)) return;
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (
    end < prev.length - start &&
    end < next.length - start &&
    prev[prev.length - 1 - end] === next[next.length - 1 - end]
  )
    end++;
  board.transact(() => {
    text.delete(start, prev.length - start - end);
    text.insert(start, next.slice(start, next.length - end));
    item.set('updatedAt', Date.now());
  }, LOCAL_ORIGIN);
}
