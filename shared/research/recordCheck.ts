import * as Y from 'yjs';
import { itemsMap, readItem, type Item } from '../boardDoc';
import type { Code } from './codebook';
import type { Observation } from './researchDoc';
import { RESEARCH } from './researchDoc';

/**
 * The record is total: one damaged item, observation or code never stops an export or a console. Each entry is
 * checked on its own; a damaged one is listed (with why) and the rest is used as usual (docs/export.md, "Damaged
 * entries").
 */
export interface DamagedEntry {
  type: 'item' | 'observation' | 'code';
  /** The entry's `id`, or its key in the document when the id itself is missing or wrong. */
  id: string;
  reason: string;
  /** The entry's own text when it has one, so nobody's words disappear with the damage. */
  text: string | null;
}

/** The largest time a JavaScript `Date` can hold (±8.64e15 ms), so every time in the record can be printed. */
const MAX_TIME = 8.64e15;
/** Deepest nesting of a field value the exports walk. */
const MAX_DEPTH = 32;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function timeProblem(field: string, v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${field} is not a time`;
  if (v < 0 || v > MAX_TIME) return `${field} is out of range (${v})`;
  return null;
}

const idProblem = (field: string, v: unknown, required: boolean): string | null => {
  if (v === undefined || v === null) return required ? `${field} is missing` : null;
  if (typeof v !== 'string' || (required && v.length === 0)) return `${field} is not a text`;
  if (v.length > 200) return `${field} is too long`;
  return null;
};

/** A value the exports can walk and write as JSON: no binary, no big integers, not nested too deep. */
function valueProblem(v: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return 'nested too deep';
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : 'a number that is not finite';
  if (v instanceof Uint8Array) return 'binary content';
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = valueProblem(x, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (isRecord(v)) {
    for (const x of Object.values(v)) {
      const p = valueProblem(x, depth + 1);
      if (p) return p;
    }
    return null;
  }
  return `a value of type ${typeof v}`;
}

const first = (...problems: Array<string | null>): string | null => problems.find((p) => p !== null) ?? null;

/**
 * Why a board item cannot be used as one, or null when it can (base fields present and in range, fields plain).
 * `deep: false` skips walking the kind's own field values (the consoles, on every change; the exports walk them).
 */
export function itemProblem(item: unknown, key?: string, opts: { deep?: boolean } = {}): string | null {
  if (!isRecord(item)) return 'not an item';
  const base = first(
    idProblem('id', item.id, true),
    key !== undefined && typeof item.id === 'string' && item.id !== key ? 'id differs from its key' : null,
    idProblem('kind', item.kind, true),
    idProblem('sessionId', item.sessionId, true),
    idProblem('groupId', item.groupId, false),
    idProblem('authorId', item.authorId, false),
    timeProblem('createdAt', item.createdAt),
    timeProblem('updatedAt', item.updatedAt),
    item.hidden === undefined || typeof item.hidden === 'boolean' ? null : 'hidden is not true or false',
    idProblem('mergedInto', item.mergedInto, false),
    item.text === undefined || typeof item.text === 'string' ? null : 'text is not a text',
  );
  if (base || opts.deep === false) return base;
  for (const [k, v] of Object.entries(item)) {
    const p = valueProblem(v);
    if (p) return `${k}: ${p}`;
  }
  return null;
}

const stringList = (field: string, v: unknown): string | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `${field} is not a list of texts`;

/** Why an observation cannot be used as one, or null when it can. */
export function observationProblem(o: unknown, key?: string): string | null {
  if (!isRecord(o)) return 'not an observation';
  return first(
    idProblem('id', o.id, true),
    key !== undefined && typeof o.id === 'string' && o.id !== key ? 'id differs from its key' : null,
    typeof o.researcherName === 'string' ? null : 'researcherName is not a text',
    timeProblem('time', o.time),
    idProblem('sessionId', o.sessionId, true),
    idProblem('groupId', o.groupId, false),
    stringList('speakers', o.speakers),
    stringList('codes', o.codes),
    typeof o.quote === 'boolean' ? null : 'quote is not true or false',
    typeof o.text === 'string' ? null : 'text is not a text',
    stringList('links', o.links),
    timeProblem('createdAt', o.createdAt),
    timeProblem('updatedAt', o.updatedAt),
  );
}

/** Why a code cannot be used as one, or null when it can. */
export function codeProblem(c: unknown, key?: string): string | null {
  if (!isRecord(c)) return 'not a code';
  return first(
    idProblem('id', c.id, true),
    key !== undefined && typeof c.id === 'string' && c.id !== key ? 'id differs from its key' : null,
    typeof c.name === 'string' ? null : 'name is not a text',
    idProblem('parentId', c.parentId, false),
    typeof c.codable === 'boolean' ? null : 'codable is not true or false',
    typeof c.order === 'number' && Number.isFinite(c.order) ? null : 'order is not a number',
    timeProblem('createdAt', c.createdAt),
    c.source === undefined || typeof c.source === 'string' ? null : 'source is not a text',
    c.nameEn === undefined || typeof c.nameEn === 'string' ? null : 'nameEn is not a text',
    c.description === undefined || typeof c.description === 'string' ? null : 'description is not a text',
    c.createdBy === undefined || typeof c.createdBy === 'string' ? null : 'createdBy is not a text',
    c.color === undefined || typeof c.color === 'string' ? null : 'color is not a text',
  );
}

/** The text a damaged entry still carries, if any (a string field `text`). */
function textOf(v: unknown): string | null {
  return isRecord(v) && typeof v.text === 'string' ? v.text : null;
}

const safeKey = (key: string) => key.slice(0, 200);

function damaged(type: DamagedEntry['type'], key: string, value: unknown, reason: string): DamagedEntry {
  const id = isRecord(value) && typeof value.id === 'string' && value.id ? value.id.slice(0, 200) : safeKey(key);
  return { type, id, reason, text: textOf(value) };
}

/** Ordering by time then id, as `readItems`/`readObservations`/`readCodebook` order (ids are checked texts here). */
const byTime =
  <T>(time: (x: T) => number) =>
  (a: T & { id: string }, b: T & { id: string }) =>
    time(a) - time(b) || a.id.localeCompare(b.id);

/** The board's items that are whole (oldest first) and the damaged ones, each with its reason. */
export function checkedItems(doc: Y.Doc): { items: Item[]; damaged: DamagedEntry[] } {
  const items: Item[] = [];
  const bad: DamagedEntry[] = [];
  for (const [key, m] of itemsMap(doc).entries()) {
    let item: unknown = m;
    try {
      if (!(m instanceof Y.Map)) throw new Error('not an item');
      item = readItem(m);
      const problem = itemProblem(item, key);
      if (problem) bad.push(damaged('item', key, item, problem));
      else items.push(item as Item);
    } catch (err) {
      bad.push(damaged('item', key, item, err instanceof Error ? err.message : 'unreadable'));
    }
  }
  items.sort(byTime<Item>((i) => i.createdAt));
  return { items, damaged: bad };
}

/** The research document's observations that are whole (by observed time) and the damaged ones. */
export function checkedObservations(doc: Y.Doc): { observations: Observation[]; damaged: DamagedEntry[] } {
  const observations: Observation[] = [];
  const bad: DamagedEntry[] = [];
  for (const [key, o] of doc.getMap<unknown>(RESEARCH.observations).entries()) {
    const value = o instanceof Y.AbstractType ? (o.toJSON() as unknown) : o;
    const problem = observationProblem(value, key);
    if (problem) bad.push(damaged('observation', key, value, problem));
    else observations.push(value as Observation);
  }
  observations.sort(byTime<Observation>((o) => o.time));
  return { observations, damaged: bad };
}

/** The codebook's whole codes (in codebook order) and the damaged ones. */
export function checkedCodes(doc: Y.Doc): { codes: Code[]; damaged: DamagedEntry[] } {
  const codes: Code[] = [];
  const bad: DamagedEntry[] = [];
  for (const [key, c] of doc.getMap<unknown>(RESEARCH.codes).entries()) {
    const value = c instanceof Y.AbstractType ? (c.toJSON() as unknown) : c;
    const problem = codeProblem(value, key);
    if (problem) bad.push(damaged('code', key, value, problem));
    else codes.push(value as Code);
  }
  codes.sort((a, b) => a.order - b.order || byTime<Code>((c) => c.createdAt)(a, b));
  return { codes, damaged: bad };
}
