import * as Y from 'yjs';
import { z } from 'zod';
import { itemSchema, takesDots } from '../../../shared/exercises/registry';
import { VOTE } from '../../../shared/toolkit/votes';
import { LIMITS } from '../../../shared/limits';
import type { Writer } from './boardRules';
import type { StructIndex } from './structIndex';

/**
 * The checks of an item as a whole (docs/SECURITY.md): the base fields every item has, the kind's schema, the field
 * values an update sets, and what an item that comes into being must carry. `boardRules.ts` walks the update's structs
 * and calls these on what it found.
 */

/** Item ids: `newId()` (shared/ids.ts) or a fixed id such as `pitch-<group>`; never anything else. */
const itemId = z.string().regex(/^[A-Za-z0-9_.:-]{1,120}$/);
const shortName = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const baseFields = z.object({
  id: itemId,
  kind: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  sessionId: shortName,
  groupId: shortName.nullable(),
  authorId: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,60}$/)
    .nullable(),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
  hidden: z.boolean(),
  mergedInto: itemId.nullable(),
  editableBy: z.literal('group'),
});
const BASE_KEYS = new Set(Object.keys(baseFields.shape));
/** Every item is created with these (groupId may be left out: plenary). */
const REQUIRED = ['id', 'kind', 'sessionId', 'authorId', 'createdAt', 'updatedAt'] as const;
/** Times an item may carry: from three days before the workshop was created (the demo backdates its two days) to ten minutes ahead of the server's clock. */
export const TIME_SKEW = { beforeWorkshopMs: 3 * 24 * 3600_000, aheadMs: 10 * 60_000 } as const;

export const mapOf = (item: Y.Item): Y.Map<unknown> | null =>
  item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type : null;

/** The field schema of an item kind, unwrapped from optional/nullable/default. */
export function fieldSchemaOf(kind: unknown, field: string): z.ZodType | undefined {
  const schema = typeof kind === 'string' ? itemSchema(kind) : undefined;
  if (!(schema instanceof z.ZodObject)) return undefined;
  return (schema.shape as Record<string, z.ZodType>)[field];
}
export const unwrap = (t: z.ZodType | undefined): z.ZodType | undefined => {
  let cur = t;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) {
      cur = cur.unwrap() as z.ZodType;
    } else break;
  }
  return cur;
};
/** A field may hold a shared Y.Text only in a group item (`editableBy` in its schema) where the field is a string. */
export function textFieldAllowed(kind: unknown, field: string): boolean {
  if (BASE_KEYS.has(field)) return false;
  if (fieldSchemaOf(kind, 'editableBy') === undefined) return false;
  return unwrap(fieldSchemaOf(kind, field)) instanceof z.ZodString;
}

/** What the struct walk found, for the item checks. */
export interface ItemContext {
  staff: boolean;
  writer: Writer;
  idx: StructIndex;
  /** A field's value as the update would leave it. */
  current: (item: Y.Item, field: string) => unknown;
  /** Per item struct: the field values this update sets. */
  touched: Map<Y.Item, Map<string, unknown[]>>;
  /** Per item struct: the fields this update binds to a new shared type. */
  typed: Map<Y.Item, Set<string>>;
  /** An item of the document as the server has it (kind and session), or null. */
  itemAt: (id: unknown) => { kind: unknown; sessionId: unknown } | null;
}

/** Every field value the update sets, against the base fields, the kind's schema and the time range; null: all fine. */
export function fieldValuesRefusal(ctx: ItemContext): string | null {
  const { current, touched, typed, idx } = ctx;
  const workshop = ctx.writer.workshop;
  const minTime = workshop ? workshop.createdAt - TIME_SKEW.beforeWorkshopMs : -Infinity;
  const maxTime = workshop ? workshop.now + TIME_SKEW.aheadMs : Infinity;
  for (const [item, fields] of touched) {
    const kind = current(item, 'kind');
    const shape = ((): Record<string, z.ZodType> | null => {
      const schema = typeof kind === 'string' ? itemSchema(kind) : undefined;
      return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
    })();
    for (const [field, values] of fields) {
      if (!ctx.staff && typed.get(item)?.has(field) && !textFieldAllowed(kind, field))
        return `${field} may not be a shared text`;
      // A shared text's length is checked by the walk (boardRules.ts, growth); its (empty) value at creation is not a
      // field value.
      if (typed.get(item)?.has(field)) continue;
      for (const value of values) {
        if (JSON.stringify(value ?? null).length > LIMITS.fieldBytes) return `${field} is too large`;
        const check = BASE_KEYS.has(field)
          ? baseFields.shape[field as keyof typeof baseFields.shape]
          : (shape?.[field] ?? (typeof value === 'string' ? z.string().max(LIMITS.sharedText) : null));
        if (check && !check.safeParse(value).success) return `${field} is not valid`;
        if (
          (field === 'createdAt' || field === 'updatedAt') &&
          ((value as number) < minTime || (value as number) > maxTime)
        )
          return `${field} is out of range`;
      }
    }
    // Hiding is moderation: a participant may hide and show their own item, unless staff hid it.
    if (!ctx.staff && fields.has('hidden') && !idx.isIncoming(item)) {
      const struct = mapOf(item)?._map.get('hidden');
      const by = struct && !struct.deleted ? ctx.writer.clientOwner?.(struct.id.client) : undefined;
      if (by !== undefined && !by.startsWith('participant:')) return 'may not show what the facilitator hid';
    }
  }
  return null;
}

/** An item that comes into being (new, or replacing one at its key) as a whole; null: all fine. */
export function createdItemsRefusal(ctx: ItemContext, created: Set<Y.Item>): string | null {
  const { current, touched, idx } = ctx;
  for (const item of created) {
    const owner = idx.ownerOf(item);
    for (const f of REQUIRED) if (current(item, f) === undefined) return `an item needs ${f}`;
    if (owner.at !== 'item' || current(item, 'id') !== owner.key) return 'item id must be its key';
    const kind = current(item, 'kind') as string;
    const sessionId = current(item, 'sessionId') as string;
    if (ctx.staff) continue;
    const schema = itemSchema(kind);
    if (!schema) return 'unknown item kind';
    const whole: Record<string, unknown> = {};
    for (const [f, vals] of touched.get(item) ?? []) whole[f] = vals.at(-1);
    if (!schema.safeParse(whole).success) return `not a valid ${kind}`;
    // On the board; a dot drafted in private writing (the phone's own document, where its target is not) is checked
    // against the board when it is revealed (server/socket/toolkit.ts).
    if (kind === VOTE && ctx.writer.workshop?.agenda) {
      if (!takesDots(ctx.itemAt(whole.targetId), sessionId, ctx.writer.workshop.sessionKinds.get(sessionId)))
        return 'this item takes no dots';
    }
    if (current(item, 'authorId') !== ctx.writer.principal.participantId) return 'items must be your own';
    const group = current(item, 'groupId') ?? null;
    if (group !== null && group !== ctx.writer.groupId) return "may not write in another group's space";
    if (current(item, 'hidden') === true) return 'may not create a hidden item';
    if (ctx.writer.workshop && !ctx.writer.workshop.sessionKinds.has(sessionId)) return 'no such session';
    if (ctx.writer.workshop?.agenda && !ctx.writer.workshop.openSessions.has(sessionId))
      return 'that session is not open';
  }
  return null;
}
