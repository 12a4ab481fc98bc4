import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD, kindAndSession } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import type { Principal } from '../../../shared/roles';
import { StructIndex, type Struct } from './structIndex';
import { createdItemsRefusal, fieldValuesRefusal, fieldSchemaOf, mapOf, unwrap, type ItemContext } from './itemRules';

/** Fields a participant may never change once an item exists: who wrote it, where, what it is. */
const IMMUTABLE = new Set(['id', 'kind', 'authorId', 'groupId', 'sessionId', 'createdAt', 'editableBy']);

export interface BoardCheck {
  /** Why the update is refused, or null. */
  reason: string | null;
  /** How many new items it creates (for the items-per-minute limit). */
  created: number;
  /**
   * The update depends on changes the server does not have (a gap, a missing origin, a deletion past its state):
   * not a violation but missing history, answered with a resync (the server's sync step 1), never a refusal.
   */
  resync?: boolean;
}

export interface Writer {
  principal: Principal;
  /** The participant's current group, from the control document. */
  groupId: string | null;
  /** What the board's rules need to know of the workshop (absent: checks that need it are skipped). */
  workshop?: WorkshopContext;
  /** Who claimed a client id of this document (`participant:<id>`, `facilitator`, `server`, …). */
  clientOwner?: (client: number) => string | undefined;
}

/** The workshop as the guard sees it when the update arrives (control document and the guard's memory). */
export interface WorkshopContext {
  createdAt: number;
  now: number;
  /** Every session of the programme, with its exercise kind (what its dots may be on: `votable` in shared/exercises). */
  sessionKinds: Map<string, string>;
  /** Sessions a participant may create items in now (the current one and the ones it just replaced). */
  openSessions: Set<string>;
  /** Since when input is locked (null: not locked). While locked a participant may only deliver what was written before. */
  lockedSince: number | null;
  /** Whether session and lock rules apply (the board); a participant's own drafts document has neither. */
  agenda: boolean;
}

/** A countable length a struct adds to its container (characters of a text, entries of an array). */
const countable = (s: Struct): number => (s instanceof Y.Item && s.countable && !s.deleted ? s.length : 0);

/** Values a set of field structs carry (the last one a map entry shows). */
function valueOf(s: Y.Item): { ok: true; value: unknown } | { ok: false } {
  const c = s.content;
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) return { ok: true, value: c.getContent().at(-1) };
  return { ok: false };
}

/** Content a field value (depth 1) may have: JSON values, a Y.Text, or a tombstone. */
const valueContent = (s: Y.Item) =>
  s.content instanceof Y.ContentAny ||
  s.content instanceof Y.ContentJSON ||
  s.content instanceof Y.ContentDeleted ||
  (s.content instanceof Y.ContentType && s.content.type instanceof Y.Text);
/** Content inside a shared text (depth 2): characters or a tombstone. No embeds, formats, binaries or types. */
const textContent = (s: Y.Item) => s.content instanceof Y.ContentString || s.content instanceof Y.ContentDeleted;

/** Every struct an item holds (fields, and the characters of its shared texts), for "who wrote in it". */
function* structsOf(map: Y.Map<unknown>): Generator<Y.Item> {
  for (const field of map._map.values()) {
    for (let f: Y.Item | null = field; f; f = f.left) {
      yield f;
      if (!f.deleted && f.content instanceof Y.ContentType) {
        for (let c = f.content.type._start; c; c = c.right) yield c;
      }
    }
  }
}

/**
 * The ownership rule of the board (docs/SECURITY.md): a participant creates items as themselves in their own group
 * (or plenary), and changes or deletes only items they wrote, or fields of a group item (`editableBy: 'group'`) of
 * their current group. Staff may change anything. An item that comes into being (new, or replacing one at its key) is
 * checked as a whole: required base fields in range, a registered kind and its schema, the content type of every
 * field. Everyone's items stay within the item schemas' limits and the item size limit.
 */
export function checkBoardUpdate(
  doc: Y.Doc,
  writer: Writer,
  update: { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] },
): BoardCheck {
  const idx = new StructIndex(doc, update.structs);
  const { principal, workshop } = writer;
  const staff = principal.role === 'facilitator' || principal.role === 'researcher';
  const me = principal.role === 'participant' ? `participant:${principal.participantId ?? '?'}` : principal.role;
  const items = doc.getMap<Y.Map<unknown>>(BOARD.items);
  const incomingDeleted = (s: Y.Item) => Y.isDeleted(update.ds, s.id);
  // Per item struct: the field values this update sets.
  const touched = new Map<Y.Item, Map<string, unknown[]>>();
  // Per item struct: the fields this update binds to a new shared type.
  const typed = new Map<Y.Item, Set<string>>();
  const created = new Set<Y.Item>();
  // Per container struct: the countable length the update adds and removes.
  const growth = new Map<Y.Item, { field: string; item: Y.Item; delta: number; container: Y.Item }>();
  let refusal: string | null = null;
  const refuse = (why: string) => {
    refusal ??= why;
  };
  let resync = false;
  const missing = (why: string) => {
    resync = true;
    refuse(why);
  };
  // Items this update deletes or replaces, for the group-text rule.
  const removed = new Set<Y.Item>();
  let wrote = false;

  const current = (item: Y.Item, field: string): unknown => {
    const vals = touched.get(item)?.get(field);
    if (vals && vals.length) return vals.at(-1);
    if (idx.isIncoming(item)) return undefined;
    const v = mapOf(item)?.get(field);
    return v instanceof Y.Text ? v.toString() : v;
  };
  const isAuthor = (item: Y.Item) => staff || current(item, 'authorId') === principal.participantId;
  const mayEdit = (item: Y.Item, field: string | null, depth: number): boolean => {
    if (staff || idx.isIncoming(item)) return true;
    if (depth === 1 && field !== null && IMMUTABLE.has(field)) return false;
    if (isAuthor(item)) return true;
    return (
      current(item, 'editableBy') === 'group' && writer.groupId !== null && current(item, 'groupId') === writer.groupId
    );
  };
  const grow = (container: Y.Item | null, owner: { item: Y.Item; field: string | null }, delta: number) => {
    if (!container || delta === 0 || owner.field === null) return;
    const g = growth.get(container) ?? { field: owner.field, item: owner.item, delta: 0, container };
    g.delta += delta;
    growth.set(container, g);
  };

  // 1. Every struct the update brings.
  for (const s of update.structs) {
    if (!(s instanceof Y.Item)) {
      if (s instanceof Y.Skip) missing('update has gaps; resync');
      continue;
    }
    if (s.content instanceof Y.ContentDoc) refuse('subdocuments are not allowed');
    const owner = idx.ownerOf(s);
    if (owner.at === 'dead') continue;
    if (owner.at === 'missing') {
      missing('update depends on changes the server does not have; resync');
      continue;
    }
    if (owner.at !== 'item' || owner.root !== BOARD.items) {
      refuse('only board items may be written');
      continue;
    }
    wrote = true;
    const gone = incomingDeleted(s) || s.content instanceof Y.ContentDeleted;
    if (owner.depth === 0) {
      if (!mapOf(s) && !(s.content instanceof Y.ContentDeleted)) refuse('an item must be a map');
      const existing = items.has(owner.key) ? items._map.get(owner.key) : undefined;
      if (existing && !existing.deleted && !idx.isIncoming(existing)) {
        if (!isAuthor(existing)) refuse('may not replace an item written by someone else');
        removed.add(existing);
      }
      // New or replacing: either way it comes into being now and is checked as a whole.
      if (!gone && mapOf(s)) created.add(s);
      continue;
    }
    if (!mayEdit(owner.item, owner.field, owner.depth)) refuse('may not change an item written by someone else');
    if (owner.depth === 1) {
      if (!valueContent(s)) refuse('content type not allowed');
      if (owner.field === null || gone) continue;
      let fields = touched.get(owner.item);
      if (!fields) touched.set(owner.item, (fields = new Map()));
      const list = fields.get(owner.field) ?? [];
      // One update sets a field once (earlier values it overwrites itself are in its delete set).
      if (list.length > 0) refuse(`${owner.field} is written twice`);
      if (s.content instanceof Y.ContentType) {
        let t = typed.get(owner.item);
        if (!t) typed.set(owner.item, (t = new Set()));
        t.add(owner.field);
        list.push(s.content.type instanceof Y.Text ? s.content.type.toString() : null);
      } else {
        const v = valueOf(s);
        if (v.ok) list.push(v.value);
      }
      fields.set(owner.field, list);
      continue;
    }
    // Inside a field's shared type: only characters of a Y.Text, one level deep.
    const container = idx.container(s);
    const holder = container?.content instanceof Y.ContentType ? container.content.type : null;
    if (owner.depth > 2 || !(holder instanceof Y.Text) || !textContent(s)) refuse('content type not allowed');
    if (!gone) grow(container, owner, countable(s));
  }

  // 2. Every struct of the server's document the update deletes.
  for (const [client, ranges] of update.ds.clients) {
    const list = doc.store.clients.get(client);
    const state = idx.serverState(client);
    const incoming = idx.incomingRange(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > state && (!incoming || clock + len > incoming[1] || Math.max(clock, state) < incoming[0])) {
        missing('deletes changes the server does not have; resync');
      }
      if (!list || clock >= state) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length && list[i]!.id.clock < end; i++) {
        const s = list[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        const owner = idx.ownerOf(s);
        if (owner.at !== 'item') continue;
        wrote = true;
        // Deleting an item deletes its fields too; the item's own deletion is what is checked then.
        const wholeItem = owner.depth > 0 && Y.isDeleted(update.ds, owner.item.id);
        if (owner.depth === 0 ? !isAuthor(owner.item) : !wholeItem && !mayEdit(owner.item, owner.field, owner.depth)) {
          refuse('may not delete what someone else wrote');
        }
        if (owner.depth === 0) removed.add(owner.item);
        if (owner.depth >= 2) grow(idx.container(s), owner, -countable(s));
      }
    }
  }
  if (resync) return { reason: refusal, created: created.size, resync };
  if (refusal) return { reason: refusal, created: created.size };
  const refused = (reason: string): BoardCheck => ({ reason, created: created.size });

  // 3. What the items would hold: base fields, the kind's schema, and the size of shared texts.
  const itemCtx: ItemContext = {
    staff,
    writer,
    idx,
    current,
    touched,
    typed,
    itemAt: (id) => kindAndSession(items, id),
  };
  const fieldRefusal = fieldValuesRefusal(itemCtx);
  if (fieldRefusal) return refused(fieldRefusal);
  const creationRefusal = createdItemsRefusal(itemCtx, created);
  if (creationRefusal) return refused(creationRefusal);
  if (!staff && workshop?.agenda && workshop.lockedSince !== null && wrote) {
    // Input is locked: only what was written before the lock (a phone coming back online) still arrives.
    const late = [...touched.values()].some((f) =>
      (f.get('updatedAt') ?? []).some((t) => typeof t !== 'number' || t > workshop.lockedSince!),
    );
    const undated = growth.size > 0 || removed.size > 0 || [...touched.values()].some((f) => !f.has('updatedAt'));
    if (late || undated) return refused('input is locked');
  }
  // A group text others wrote in is not deleted by one member: only staff may then.
  if (!staff) {
    for (const item of removed) {
      if (current(item, 'editableBy') !== 'group') continue;
      const map = mapOf(item);
      if (!map) continue;
      for (const st of structsOf(map)) {
        const by = writer.clientOwner?.(st.id.client);
        if (by !== undefined && by !== me) return refused('others wrote in this group text; only staff may delete it');
      }
    }
  }
  for (const g of growth.values()) {
    const fieldSchema = unwrap(fieldSchemaOf(current(g.item, 'kind'), g.field));
    const max =
      fieldSchema instanceof z.ZodString && fieldSchema.maxLength !== null ? fieldSchema.maxLength : LIMITS.sharedText;
    const c = g.container;
    const before = !idx.isIncoming(c) && c.content instanceof Y.ContentType ? c.content.type._length : 0;
    if (before + g.delta > max) return refused(`${g.field} is too long`);
  }
  // One item's size in all (its fields as JSON): bounded when it grows; items the server wrote larger stay editable.
  const sized = new Set<Y.Item>([...touched.keys(), ...[...growth.values()].map((g) => g.item)]);
  for (const item of sized) {
    const map = mapOf(item);
    const before = idx.isIncoming(item) || !map ? 0 : JSON.stringify(map.toJSON()).length;
    const after: Record<string, unknown> = idx.isIncoming(item) || !map ? {} : map.toJSON();
    for (const [f, vals] of touched.get(item) ?? []) after[f] = vals.at(-1);
    let size = JSON.stringify(after).length;
    for (const g of growth.values()) if (g.item === item && g.delta > 0) size += g.delta;
    if (size > LIMITS.itemBytes && size > before) return refused('item is too large');
  }
  return { reason: null, created: created.size };
}
