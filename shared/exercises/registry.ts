import type { Item } from '../boardDoc';
import type { ExerciseKind } from '../programme';
import { noteWall } from './noteWall';
import type { ExerciseDefinition } from './types';

/** Every exercise module of the shared layer. Kinds not listed run as a note wall until their module lands. */
const EXERCISES: Partial<Record<ExerciseKind, ExerciseDefinition>> = {
  noteWall,
};

export function exerciseFor(kind: ExerciseKind): ExerciseDefinition {
  return EXERCISES[kind] ?? noteWall;
}

/** Schema of an item kind's own fields, whichever exercise defines it. */
export function itemSchema(itemKind: string) {
  for (const def of Object.values(EXERCISES)) {
    const s = def?.itemSchemas[itemKind];
    if (s) return s;
  }
  return undefined;
}

const BASE_FIELDS = new Set([
  'id',
  'kind',
  'sessionId',
  'groupId',
  'authorId',
  'createdAt',
  'updatedAt',
  'hidden',
  'mergedInto',
]);

/** An item as one line of text for transcripts and exports: the exercise's `exportText`, its `text`, or its fields. */
export function itemExportText(item: Item): string {
  for (const def of Object.values(EXERCISES)) {
    if (def?.exportText && def.itemSchemas[item.kind]) return def.exportText(item);
  }
  if (typeof item.text === 'string') return item.text;
  const own = Object.fromEntries(Object.entries(item).filter(([k]) => !BASE_FIELDS.has(k)));
  // Long arrays (a drawing's points) and long strings (an embedded picture) would swamp a transcript line.
  return JSON.stringify(own, (_k, v: unknown) =>
    Array.isArray(v) && v.length > 20
      ? `[${v.length} items]`
      : typeof v === 'string' && v.length > 500
        ? `${v.slice(0, 500)}…`
        : v,
  );
}

/** The picture an exercise gives one of its items for the HTML transcript, if any. */
export function itemExportImage(item: Item): string | undefined {
  for (const def of Object.values(EXERCISES)) {
    if (def?.exportImage && def.itemSchemas[item.kind]) return def.exportImage(item);
  }
  return undefined;
}
