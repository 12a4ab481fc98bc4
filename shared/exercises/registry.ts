import type { z } from 'zod';
import type { Item } from '../boardDoc';
import { VOTE, voteFields } from '../toolkit/votes';
import { framework } from './framework';
import { noteWall } from './noteWall';
import { pitch } from './pitch';
import { prejudiceGame } from './prejudiceGame';
import { strengths } from './strengths';
import { tree } from './tree';
import { actionPlan } from './actionPlan';
import { closing } from './closing';
import { consult } from './consult';
import { roleMarket } from './roleMarket';
import { vision } from './vision';
import type { ExerciseDefinition } from './types';

/**
 * Every exercise kind, with its shared definition: the one list of kinds. `EXERCISE_KINDS` (the programme's `kind`)
 * is derived from it, and the client and server registries are typed against it, so a kind missing there fails the
 * typecheck. The order is the order the programme editor offers them in.
 */
const EXERCISES = {
  /** The opening has no module of its own: it runs as a note wall. */
  opening: noteWall,
  noteWall,
  pitch,
  framework,
  strengths,
  tree,
  prejudiceGame,
  vision,
  roleMarket,
  consult,
  actionPlan,
  closing,
} satisfies Record<string, ExerciseDefinition>;

export type ExerciseKind = keyof typeof EXERCISES;
export const EXERCISE_KINDS = Object.keys(EXERCISES) as [ExerciseKind, ...ExerciseKind[]];

export const isExerciseKind = (kind: string): kind is ExerciseKind => Object.hasOwn(EXERCISES, kind);

/** Item kinds of the facilitation toolkit, usable in any exercise. */
const TOOLKIT_ITEM_SCHEMAS: Record<string, z.ZodType> = { [VOTE]: voteFields };

/** A kind's shared definition; a kind that is not in the list above throws (it never silently runs as another). */
export function exerciseFor(kind: ExerciseKind): ExerciseDefinition {
  if (!isExerciseKind(kind))
    throw new Error(`unknown exercise kind "${String(kind)}" (not in shared/exercises/registry.ts)`);
  return EXERCISES[kind];
}

/** The item kinds a dot vote is on in a session of this kind (none: the server refuses to open a vote there). */
export const votableKinds = (kind: ExerciseKind): readonly string[] =>
  // A kind a newer server knows and this code does not (an open console tab across an upgrade) has nothing to vote on.
  isExerciseKind(kind) ? (exerciseFor(kind).votable ?? []) : [];

/**
 * Whether a dot of a vote in session `sessionId` (whose exercise is `exercise`) may be on `target`: an item of that
 * session whose kind the exercise puts to the vote. Never on a dot, a photo, another session's item or no item. The
 * one rule for the server's anonymous dots (`vote.cast`), phones' own dots (the guard) and drafted dots (reveal).
 */
export function takesDots(
  target: { kind: unknown; sessionId: unknown } | null | undefined,
  sessionId: string,
  exercise: string | undefined,
): boolean {
  if (!target || target.sessionId !== sessionId || exercise === undefined) return false;
  return votableKinds(exercise as ExerciseKind).includes(String(target.kind));
}

/** Schema of an item kind's own fields, whichever exercise defines it. */
export function itemSchema(itemKind: string) {
  if (TOOLKIT_ITEM_SCHEMAS[itemKind]) return TOOLKIT_ITEM_SCHEMAS[itemKind];
  for (const def of Object.values(EXERCISES)) {
    const s = def.itemSchemas[itemKind];
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
  if (item.kind === VOTE) return `stemt op ${String(item.targetId)} (stemronde ${String(item.setId)})`;
  for (const def of Object.values(EXERCISES)) {
    if (def.exportText && def.itemSchemas[item.kind]) return def.exportText(item);
  }
  if (typeof item.text === 'string') return item.text;
  return describeFields(Object.fromEntries(Object.entries(item).filter(([k]) => !BASE_FIELDS.has(k))));
}

// A readable line from an item's own fields (`why: … · roleId: …`); long arrays and strings are summarised, since a
// drawing's points or an embedded picture would swamp a transcript line.
function describeFields(fields: Record<string, unknown>): string {
  const short = (v: unknown): string => {
    if (typeof v === 'string') return v.length > 500 ? `${v.slice(0, 500)}…` : v;
    if (Array.isArray(v)) return v.length > 20 ? `[${v.length} items]` : v.map(short).join(', ');
    if (v !== null && typeof v === 'object') return JSON.stringify(v).slice(0, 200);
    return String(v);
  };
  return Object.entries(fields)
    .filter(([k, v]) => k !== 'editableBy' && v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${short(v)}`)
    .join(' · ');
}

/** The picture an exercise gives one of its items for the HTML transcript, if any. */
export function itemExportImage(item: Item): string | undefined {
  for (const def of Object.values(EXERCISES)) {
    if (def.exportImage && def.itemSchemas[item.kind]) return def.exportImage(item);
  }
  return undefined;
}
