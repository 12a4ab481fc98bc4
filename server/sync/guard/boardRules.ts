import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD } from '../../../shared/boardDoc';
import { itemSchema } from '../../../shared/exercises/registry';
import { LIMITS } from '../../../shared/limits';
import type { Principal } from '../../../shared/roles';
import { StructIndex, type Struct } from './structIndex';

/** Fields a participant may never change once an item exists: who wrote it, where, what it is. */
const IMMUTABLE = new Set(['id', 'kind', 'authorId', 'groupId', 'sessionId', 'createdAt', 'editableBy']);

const shortId = z.string().min(1).max(120);
const baseFields = z.object({
  id: shortId,
  kind: z.string().min(1).max(40),
  sessionId: z.string().min(1).max(40),
  groupId: z.string().max(40).nullable(),
  authorId: z.string().max(60).nullable(),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
  hidden: z.boolean(),
  mergedInto: shortId.nullable(),
  editableBy: z.literal('group'),
});
const BASE_KEYS = new Set(Object.keys(baseFields.shape));

export interface BoardCheck {
  /** Why the update is refused, or null. */
  reason: string | null;
  /** How many new items it creates (for the items-per-minute limit). */
  created: number;
  /** The update depends on history the server lacks: not a violation; the server asks the client for it. */
  resync?: boolean;
}

export interface Writer {
  principal: Principal;
  /** The participant's current group, from the control document. */
  groupId: string | null;
}

const mapOf = (item: Y.Item): Y.Map<unknown> | null =>
  item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type : null;

/** A countable length a struct adds to its container (characters of a text, entries of an array). */
const countable = (s: Struct): number => (s instanceof Y.Item && s.countable && !s.deleted ? s.length : 0);

/** Values a set of field structs carry (the last one a map entry shows). */
function valueOf(s: Y.Item): { ok: true; value: unknown } | { ok: false } {
  const c = s.content;
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) return { ok: true, value: c.getContent().at(-1) };
  return { ok: false };
}

/**
 * The ownership rule of the board (docs/SECURITY.md): a participant creates items as themselves in their own group
 * (or plenary), and changes or deletes only items they wrote, or fields of a group item (`editableBy: 'group'`) of
 * their current group. Staff may change anything. Everyone's items stay within the item schemas' limits.
 */
export function checkBoardUpdate(
  doc: Y.Doc,
  writer: Writer,
  update: { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] },
): BoardCheck {
  const idx = new StructIndex(doc, update.structs);
  const { principal } = writer;
  const staff = principal.role === 'facilitator' || principal.role === 'researcher';
  const items = doc.getMap<Y.Map<unknown>>(BOARD.items);
  const incomingDeleted = (s: Y.Item) => Y.isDeleted(update.ds, s.id);
  // Per item struct: the field values this update sets.
  const touched = new Map<Y.Item, Map<string, unknown[]>>();
  const created = new Set<Y.Item>();
  // Per container struct: the countable length the update adds and removes.
  const growth = new Map<Y.Item, { field: string; item: Y.Item; delta: number; container: Y.Item }>();
  let refusal: string | null = null;
  let resync = false;
  const refuse = (why: string) => {
    refusal ??= why;
  };
  const missing = (why: string) => {
    resync = true;
    refuse(why);
  };

  const current = (item: Y.Item, field: string): unknown => {
    const vals = touched.get(item)?.get(field);
    if (vals && vals.length) return vals.at(-1);
    return idx.isIncoming(item) ? undefined : mapOf(item)?.get(field);
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
    if (owner.depth === 0) {
      if (!mapOf(s) && !(s.content instanceof Y.ContentDeleted)) refuse('an item must be a map');
      const existing = items.has(owner.key) ? items._map.get(owner.key) : undefined;
      if (existing && !existing.deleted && !idx.isIncoming(existing) && !isAuthor(existing)) {
        refuse('may not replace an item written by someone else');
      }
      if (!existing || existing.deleted) created.add(s);
      continue;
    }
    if (!mayEdit(owner.item, owner.field, owner.depth)) refuse('may not change an item written by someone else');
    if (owner.depth === 1 && owner.field !== null && !incomingDeleted(s)) {
      const v = valueOf(s);
      if (v.ok) {
        let fields = touched.get(owner.item);
        if (!fields) touched.set(owner.item, (fields = new Map()));
        fields.set(owner.field, [...(fields.get(owner.field) ?? []), v.value]);
      }
    }
    if (owner.depth >= 2 && !incomingDeleted(s)) grow(idx.container(s), owner, countable(s));
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
        // Deleting an item deletes its fields too; the item's own deletion is what is checked then.
        const wholeItem = owner.depth > 0 && Y.isDeleted(update.ds, owner.item.id);
        if (owner.depth === 0 ? !isAuthor(owner.item) : !wholeItem && !mayEdit(owner.item, owner.field, owner.depth)) {
          refuse('may not delete what someone else wrote');
        }
        if (owner.depth >= 2) grow(idx.container(s), owner, -countable(s));
      }
    }
  }
  if (resync) return { reason: refusal, created: created.size, resync };
  if (refusal) return { reason: refusal, created: created.size };

  // 3. What the items would hold: base fields, the kind's schema, and the size of shared texts.
  for (const [item, fields] of touched) {
    const kind = current(item, 'kind');
    const schema = typeof kind === 'string' ? itemSchema(kind) : undefined;
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
    for (const [field, values] of fields) {
      for (const value of values) {
        if (JSON.stringify(value ?? null).length > LIMITS.fieldBytes)
          return { reason: `${field} is too large`, created: created.size };
        const check = BASE_KEYS.has(field)
          ? baseFields.shape[field as keyof typeof baseFields.shape]
          : (shape?.[field] ?? (typeof value === 'string' ? z.string().max(LIMITS.sharedText) : null));
        if (check && !check.safeParse(value).success) return { reason: `${field} is not valid`, created: created.size };
      }
    }
  }
  for (const item of created) {
    const owner = idx.ownerOf(item);
    const id = current(item, 'id');
    if (id !== undefined && (owner.at !== 'item' || id !== owner.key)) {
      return { reason: 'item id must be its key', created: created.size };
    }
    if (staff) continue;
    if (current(item, 'authorId') !== principal.participantId)
      return { reason: 'items must be your own', created: created.size };
    const group = current(item, 'groupId');
    if (group !== null && group !== writer.groupId)
      return { reason: "may not write in another group's space", created: created.size };
  }
  for (const g of growth.values()) {
    const kind = current(g.item, 'kind');
    const schema = typeof kind === 'string' ? itemSchema(kind) : undefined;
    const fieldSchema =
      schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[g.field] : undefined;
    const max =
      fieldSchema instanceof z.ZodString && fieldSchema.maxLength !== null ? fieldSchema.maxLength : LIMITS.sharedText;
    const c = g.container;
    const before = !idx.isIncoming(c) && c.content instanceof Y.ContentType ? c.content.type._length : 0;
    if (before + g.delta > max) return { reason: `${g.field} is too long`, created: created.size };
  }
  return { reason: null, created: created.size };
}
