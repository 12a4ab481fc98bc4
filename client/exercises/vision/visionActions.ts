import * as Y from 'yjs';
import { itemsMap } from '../../../shared/boardDoc';
import { VISION_STATEMENT, visionStatementId } from '../../../shared/exercises/vision';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { createItem } from '../../sync/itemWrites';

/**
 * Creates the cooperation's shared statement (a Y.Text in an item the whole cooperation may edit) if it is missing.
 * It is a group item, so it is on the board even while private writing is on (the phone's notice says so).
 */
export function ensureStatement(sessionId: string, groupId: string, authorId: string): string | null {
  const board = getActiveWorkshop()?.board;
  if (!board) return null;
  const id = visionStatementId(sessionId, groupId);
  if (itemsMap(board).has(id)) return id;
  const res = createItem(
    { id, kind: VISION_STATEMENT, sessionId, groupId, authorId },
    { text: new Y.Text(), editableBy: 'group' },
  );
  return res.ok ? id : null;
}
