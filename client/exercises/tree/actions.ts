import { TREE_ITEM } from '../../../shared/exercises/tree';
import { createItem, patchItem, type WriteResult } from '../../sync/itemWrites';

export type { WriteResult };

/** Hangs a note on a group's tree (a private draft while private writing is on). */
export function addTreeItem(
  who: { sessionId: string; groupId: string | null; authorId: string },
  fields: unknown,
): WriteResult {
  if (!fields || typeof fields !== 'object') return { ok: false, reason: 'invalid' };
  return createItem({ kind: TREE_ITEM, ...who }, fields as Record<string, unknown>);
}

/** Moves a note to another zone, or hides it (moderation). */
export function patchTreeItem(id: string, patch: Record<string, unknown>): boolean {
  return patchItem(id, patch).ok;
}
