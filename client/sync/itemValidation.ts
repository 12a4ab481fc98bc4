import * as Y from 'yjs';
import { itemSchema } from '../../shared/exercises/registry';

/**
 * The client's courtesy check of item fields against their kind's schema (the server's guard checks every write
 * again). Loaded on demand by `itemWrites.ts` (`loadItemValidation`), so zod and every exercise's schemas stay out of
 * the phone's first download.
 */

/** Y.Text (or any Yjs type) flattened to its JSON, so an item with shared texts can be checked by its schema. */
export const flatten = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v instanceof Y.AbstractType ? (v.doc ? v.toJSON() : '') : v]),
  );

/** Checks a kind's own fields against its schema; returns the parsed fields with any Yjs types kept as given. */
export function validateFields(
  kind: string,
  fields: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  const schema = itemSchema(kind);
  if (!schema) return { ok: true, data: fields };
  const parsed = schema.safeParse(flatten(fields));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid' };
  const data = { ...(parsed.data as Record<string, unknown>) };
  for (const [k, v] of Object.entries(fields)) if (v instanceof Y.AbstractType) data[k] = v;
  return { ok: true, data };
}

/**
 * Checks a patch: the item with the patch applied is checked against its kind's schema; a problem only in fields the
 * patch does not touch (an item written by an older version) does not block a change of other fields, such as hiding
 * it. On success, the item's own fields as the schema normalised them (empty when the kind has no schema or the item
 * is invalid elsewhere).
 */
export function checkPatch(
  kind: string,
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): { ok: true; normalised: Record<string, unknown> } | { ok: false; message: string } {
  const schema = itemSchema(kind);
  if (!schema) return { ok: true, normalised: {} };
  const parsed = schema.safeParse({ ...current, ...patch });
  if (parsed.success) return { ok: true, normalised: parsed.data as Record<string, unknown> };
  const touched = parsed.error.issues.filter((i) => i.path.length === 0 || String(i.path[0]) in patch);
  return touched.length ? { ok: false, message: touched[0]!.message ?? 'invalid' } : { ok: true, normalised: {} };
}
