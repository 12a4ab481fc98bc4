import type * as Y from 'yjs';
import { itemsMap, patchItem, readItem, type Item } from '../../boardDoc';

/**
 * Merges a duplicate into another item: the duplicate keeps its text, author and time and gets `mergedInto`; the
 * target lists it (and whatever was merged into the duplicate) in `mergedFrom`. Returns false for unknown ids or a
 * merge into itself. Call inside `doc.transact`.
 */
export function mergeItems(doc: Y.Doc, sourceId: string, targetId: string, now: number): boolean {
  const map = itemsMap(doc);
  const s = map.get(sourceId);
  const t = map.get(targetId);
  if (!s || !t || sourceId === targetId) return false;
  const source = readItem(s);
  const target = readItem(t);
  if (target.mergedInto === sourceId) return false;
  const carried = Array.isArray(source.mergedFrom) ? (source.mergedFrom as string[]) : [];
  const prior = Array.isArray(target.mergedFrom) ? (target.mergedFrom as string[]) : [];
  // Items merged into the duplicate move along to the new target, so provenance stays one level deep.
  for (const c of carried) patchItem(doc, c, { mergedInto: targetId }, now);
  patchItem(doc, sourceId, { mergedInto: targetId, mergedFrom: [] }, now);
  patchItem(doc, targetId, { mergedFrom: [...new Set([...prior, sourceId, ...carried])] }, now);
  return true;
}

/** Everyone behind an item after merges: its own author and time plus those of every item merged into it. */
export function provenance(
  items: readonly Item[],
  id: string,
): Array<{ id: string; authorId: string | null; createdAt: number }> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const root = byId.get(id);
  if (!root) return [];
  const ids = [id, ...(Array.isArray(root.mergedFrom) ? (root.mergedFrom as string[]) : [])];
  return ids
    .map((x) => byId.get(x))
    .filter((i): i is Item => !!i)
    .map((i) => ({ id: i.id, authorId: i.authorId, createdAt: i.createdAt }));
}

/** Strengths in wall order: the facilitator's `order` first, then by time. */
export const byWallOrder = (a: Item, b: Item): number =>
  ((a.order as number | undefined) ?? a.createdAt) - ((b.order as number | undefined) ?? b.createdAt) ||
  a.id.localeCompare(b.id);
