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

/** What a merge changed, so it can be undone exactly (`undoMerge`). */
export interface MergeRecord {
  sourceId: string;
  targetId: string;
  /** Items that were merged into the source before and moved along to the target. */
  carried: string[];
}

/** What `mergeItems(doc, sourceId, targetId)` would change, read before calling it; null when it would not merge. */
export function mergeRecord(doc: Y.Doc, sourceId: string, targetId: string): MergeRecord | null {
  const map = itemsMap(doc);
  const s = map.get(sourceId);
  const t = map.get(targetId);
  if (!s || !t || sourceId === targetId) return null;
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]).filter((x) => typeof x === 'string') : []);
  return { sourceId, targetId, carried: list(s.get('mergedFrom')) };
}

/**
 * Takes one item out of the item it was merged into: it shows again with its own text, author, time and +1s (the +1
 * items always point at the item they were given to). Returns false when it is not merged. Call inside `doc.transact`.
 */
export function splitItem(doc: Y.Doc, id: string, now: number): boolean {
  const map = itemsMap(doc);
  const m = map.get(id);
  const into = m?.get('mergedInto');
  if (!m || typeof into !== 'string' || !into) return false;
  doc.transact(() => {
    m.delete('mergedInto');
    m.set('updatedAt', now);
  });
  const root = map.get(into);
  const from = root?.get('mergedFrom');
  if (root && Array.isArray(from))
    patchItem(doc, into, { mergedFrom: (from as string[]).filter((x) => x !== id) }, now);
  return true;
}

/**
 * Undoes one merge exactly: the source shows again, the items that moved along with it are its own again, and the
 * target lists what it listed before (and whatever was merged into it since). Returns false when the source is no longer merged into that target (someone
 * split it or merged the target on since). Call inside `doc.transact`.
 */
export function undoMerge(doc: Y.Doc, rec: MergeRecord, now: number): boolean {
  const map = itemsMap(doc);
  const s = map.get(rec.sourceId);
  const t = map.get(rec.targetId);
  if (!s || !t || s.get('mergedInto') !== rec.targetId) return false;
  splitItem(doc, rec.sourceId, now);
  const movedBack = rec.carried.filter((c) => map.get(c)?.get('mergedInto') === rec.targetId);
  for (const c of movedBack) patchItem(doc, c, { mergedInto: rec.sourceId }, now);
  patchItem(doc, rec.sourceId, { mergedFrom: movedBack }, now);
  const still = Array.isArray(t.get('mergedFrom')) ? (t.get('mergedFrom') as string[]) : [];
  patchItem(doc, rec.targetId, { mergedFrom: still.filter((x) => x !== rec.sourceId && !movedBack.includes(x)) }, now);
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
