import { useMemo } from 'react';
import * as Y from 'yjs';
import { addItem, itemsMap, patchItem as patchDocItem, readItem, type Item } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import { useBoardStore, useOwnStore } from '../store/boardStore';
import { byCreation } from '../store/sessionIndex';
import { useLiveStore } from '../store/liveStore';
import { getActiveWorkshop } from './activeWorkshop';
import { LOCAL_ORIGIN } from './origins';
import { writeTarget } from './privateWriting';

/**
 * The one client write path for board items (docs/ARCHITECTURE.md, "Private writing"). Every exercise creates,
 * changes and deletes its items through these functions, so none can bypass private writing: a participant's new
 * item goes to `writeTarget()` (their own document while private writing is on), an edit or delete of one of their
 * drafts stays in their own document, and only items a cooperation shares (`editableBy: 'group'`: the vision
 * statement, the pitch, plan steps, checklist marks) always go to the board — private writing does not apply to
 * them, and the phone's notice says so.
 */

export type WriteResult =
  | { ok: true; id: string; private: boolean }
  | { ok: false; reason: 'invalid' | 'notConnected' | 'notFound' | 'forbidden'; message?: string };

export interface ItemBaseInput {
  kind: string;
  sessionId: string;
  groupId: string | null;
  authorId: string;
  /** A fixed id (one item per group, e.g. the vision statement); a fresh one otherwise. */
  id?: string;
  /** The original creation time (an undone delete re-creates the item in its place); now otherwise. */
  createdAt?: number;
}

/** Whether an item (or its fields) is shared by a cooperation and therefore always lives on the board. */
export const isGroupShared = (fields: Record<string, unknown>): boolean => fields.editableBy === 'group';

type Validation = typeof import('./itemValidation');
let validation: Validation | null = null;
let loading: Promise<Validation> | null = null;

/**
 * Loads the item schemas (zod and every exercise's fields) for the courtesy check before a write. They are not in the
 * phone's first download: a page that writes loads them at its first touch or key (`loadItemValidationOnFirstTouch`),
 * before the person has typed anything to send. A write made before they have arrived goes out unchecked here; the
 * server's guard checks every write in any case (a refused one is kept on the phone and shown as not saved).
 */
export function loadItemValidation(): Promise<Validation> {
  loading ??= import('./itemValidation').then(
    (m) => (validation = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** Starts `loadItemValidation` at the page's first pointer, focus or key event; returns the cleanup. */
export function loadItemValidationOnFirstTouch(): () => void {
  const events = ['pointerdown', 'focusin', 'keydown'] as const;
  const load = () => {
    stop();
    loadItemValidation().catch(() => {
      // Offline or a new version deployed: the next write tries again; the server checks the write regardless.
    });
  };
  const stop = () => {
    for (const e of events) document.removeEventListener(e, load, true);
  };
  if (validation) return () => {};
  for (const e of events) document.addEventListener(e, load, true);
  return stop;
}

/** Checks a kind's own fields (see `itemValidation.ts`); unchecked while the schemas are still loading. */
function validateFields(
  kind: string,
  fields: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  if (validation) return validation.validateFields(kind, fields);
  void loadItemValidation().catch(() => {});
  return { ok: true, data: fields };
}

/** The document that holds an item now: the own document for one's drafts, else the board. */
function docOf(id: string): Y.Doc | null {
  const w = getActiveWorkshop();
  if (!w) return null;
  if (w.own && itemsMap(w.own).has(id)) return w.own;
  if (w.board && itemsMap(w.board).has(id)) return w.board;
  return null;
}

/** Creates an item of `base.kind` with the given own fields, stamped with id, times and author. */
export function createItem(base: ItemBaseInput, fields: Record<string, unknown>): WriteResult {
  const w = getActiveWorkshop();
  const doc = isGroupShared(fields) ? (w?.board ?? null) : writeTarget();
  if (!w || !doc) return { ok: false, reason: 'notConnected' };
  const checked = validateFields(base.kind, fields);
  if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.message };
  const now = Date.now();
  const id = base.id ?? newId('i');
  doc.transact(() => {
    addItem(doc, {
      id,
      kind: base.kind,
      sessionId: base.sessionId,
      groupId: base.groupId,
      authorId: base.authorId,
      createdAt: base.createdAt ?? now,
      updatedAt: now,
      ...checked.data,
      // Moderation marks of a re-created item (an undone delete) are base fields, not in the kind's schema.
      ...(fields.hidden === true ? { hidden: true } : {}),
      ...(typeof fields.mergedInto === 'string' ? { mergedInto: fields.mergedInto } : {}),
    });
  }, LOCAL_ORIGIN);
  return { ok: true, id, private: doc === w.own };
}

/** Changes fields of an item (a draft in the own document, or a board item); the whole item is checked again. */
export function patchItem(id: string, patch: Record<string, unknown>): WriteResult {
  const w = getActiveWorkshop();
  if (!w) return { ok: false, reason: 'notConnected' };
  const doc = docOf(id);
  const m = doc && itemsMap(doc).get(id);
  if (!doc || !m) return { ok: false, reason: 'notFound' };
  const current = readItem(m);
  if (!validation) void loadItemValidation().catch(() => {});
  const checked = validation?.checkPatch(current.kind, validation.flatten(Object.fromEntries(m.entries())), patch);
  if (checked && !checked.ok) return { ok: false, reason: 'invalid', message: checked.message };
  const normalised: Record<string, unknown> = checked?.normalised ?? {};
  const clean: Record<string, unknown> = {};
  // Base fields (hidden, mergedInto, order…) pass through; own fields as the schema normalised them.
  for (const k of Object.keys(patch))
    clean[k] = k in normalised && !(patch[k] instanceof Y.AbstractType) ? normalised[k] : patch[k];
  doc.transact(() => patchDocItem(doc, id, clean, Date.now()), LOCAL_ORIGIN);
  return { ok: true, id, private: doc === w.own };
}

/** Removes a field of an item (e.g. a photo taken off again). */
export function clearField(id: string, field: string): WriteResult {
  const w = getActiveWorkshop();
  const doc = docOf(id);
  const m = doc && itemsMap(doc).get(id);
  if (!w || !doc || !m) return { ok: false, reason: 'notFound' };
  doc.transact(() => {
    m.delete(field);
    m.set('updatedAt', Date.now());
  }, LOCAL_ORIGIN);
  return { ok: true, id, private: doc === w.own };
}

/** Removes an item: a draft from the own document, or one's board item (the update log keeps it for the record). */
export function deleteItem(id: string): WriteResult {
  const w = getActiveWorkshop();
  const doc = docOf(id);
  if (!w || !doc) return { ok: false, reason: 'notFound' };
  doc.transact(() => itemsMap(doc).delete(id), LOCAL_ORIGIN);
  return { ok: true, id, private: doc === w.own };
}

/** A shared text field of an item (a Y.Text), with the document it lives in, for the text binding. */
export function itemText(id: string, field = 'text'): { doc: Y.Doc; text: Y.Text; item: Y.Map<unknown> } | null {
  const doc = docOf(id);
  const item = doc ? itemsMap(doc).get(id) : undefined;
  const text = item?.get(field);
  return doc && item && text instanceof Y.Text ? { doc, text, item } : null;
}

/** Bumps an item's `updatedAt`; call inside a local transaction (a text binding's edit). */
export function touchItem(id: string): void {
  const doc = docOf(id);
  if (doc) itemsMap(doc).get(id)?.set('updatedAt', Date.now());
}

/** Finds an item among this page's drafts and the board (drafts first). */
export function findItem(pred: (i: Item) => boolean): Item | undefined {
  const w = getActiveWorkshop();
  for (const doc of [w?.own, w?.board]) {
    if (!doc) continue;
    for (const m of itemsMap(doc).values()) {
      const i = readItem(m);
      if (pred(i)) return i;
    }
  }
  return undefined;
}

/**
 * Staff-only changes that touch several board items at once (merging duplicates). Participants never write the board
 * this way; their writes go through `createItem`/`patchItem`/`deleteItem` above.
 */
export function staffTransact(fn: (board: Y.Doc) => boolean): boolean {
  const role = useLiveStore.getState().hello?.role;
  const board = getActiveWorkshop()?.board;
  if (!board || role === 'participant') return false;
  let done = false;
  board.transact(() => {
    done = fn(board);
  }, LOCAL_ORIGIN);
  return done;
}

/** The Y.Text of an item's field for binding a text field to it; null while the item does not exist. */
export function useItemText(id: string | null | undefined, field = 'text'): Y.Text | null {
  // Re-read when the item appears, disappears or moves between the own document and the board.
  const onBoard = useBoardStore((s) => (id ? s.items[id] !== undefined : false));
  const inOwn = useOwnStore((s) => (id ? s.items[id] !== undefined : false));
  return useMemo(
    () => (id && (onBoard || inOwn) ? (itemText(id, field)?.text ?? null) : null),
    [id, field, onBoard, inOwn],
  );
}

const NO_ITEMS: readonly Item[] = [];

/**
 * One session's board items plus this participant's private drafts of it, oldest first, so a phone always shows its
 * own contributions (drafts exist only in the own document until the reveal). Other roles have no drafts.
 */
export function useSessionItemsWithDrafts(sessionId: string): readonly Item[] {
  const items = useBoardStore((s) => s.sessions[sessionId] ?? NO_ITEMS);
  const drafts = useOwnStore((s) => s.sessions[sessionId] ?? NO_ITEMS);
  return useMemo(() => {
    if (drafts.length === 0) return items;
    const onBoard = new Set(items.map((i) => i.id));
    return [...items, ...drafts.filter((d) => !onBoard.has(d.id))].sort(byCreation);
  }, [items, drafts]);
}
