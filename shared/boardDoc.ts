import * as Y from 'yjs';

/** Shared names inside the board document. */
export const BOARD = { items: 'items' } as const;

/** The fields every contribution has (DESIGN.md §3); kinds add their own. */
export interface ItemBase {
  id: string;
  kind: string;
  sessionId: string;
  groupId: string | null;
  authorId: string | null;
  createdAt: number;
  updatedAt: number;
  hidden?: boolean;
  mergedInto?: string;
}

/** A plain picture of one item: the base fields plus the kind's own (text as a string). */
export type Item = ItemBase & Record<string, unknown>;

export const itemsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(BOARD.items);

/** Converts one item's Y.Map to a plain object (nested Y.Text becomes a string). */
export function readItem(m: Y.Map<unknown>): Item {
  const out: Record<string, unknown> = {};
  for (const [k, v] of m.entries()) out[k] = v instanceof Y.AbstractType ? v.toJSON() : v;
  return out as Item;
}

export function readItems(doc: Y.Doc): Item[] {
  const out: Item[] = [];
  for (const m of itemsMap(doc).values()) out.push(readItem(m));
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Adds an item; call inside `doc.transact`. */
/** An item's kind and session as a document holds them (what a dot's target is checked by), or null: no item. */
export function kindAndSession(
  items: Y.Map<Y.Map<unknown>>,
  id: unknown,
): { kind: unknown; sessionId: unknown } | null {
  const m = typeof id === 'string' ? items.get(id) : undefined;
  return m instanceof Y.Map ? { kind: m.get('kind'), sessionId: m.get('sessionId') } : null;
}

export function addItem(doc: Y.Doc, item: Item): void {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(item)) if (v !== undefined) m.set(k, v);
  itemsMap(doc).set(item.id, m);
}

/** Sets fields of an existing item and bumps `updatedAt`; returns false when the item does not exist. */
export function patchItem(doc: Y.Doc, id: string, patch: Record<string, unknown>, now: number): boolean {
  const m = itemsMap(doc).get(id);
  if (!m) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) m.set(k, v);
    m.set('updatedAt', now);
  });
  return true;
}

/** Items that should be shown to everyone: not hidden and not merged into another. */
export const isVisible = (i: Item): boolean => !i.hidden && !i.mergedInto;
