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
  return JSON.stringify(own);
}
