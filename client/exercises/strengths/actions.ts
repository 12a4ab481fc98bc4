import { PLUS_ONE, ROLE_PROPOSAL, STRENGTH } from '../../../shared/exercises/strengths';
import {
  mergeItems,
  mergeRecord,
  splitItem,
  undoMerge,
  type MergeRecord,
} from '../../../shared/exercises/strengths/merge';
import { createItem, findItem, patchItem, staffTransact, type WriteResult } from '../../sync/itemWrites';

export type { WriteResult };

interface Who {
  sessionId: string;
  groupId: string | null;
  authorId: string;
}

const add = (kind: string, who: Who, fields: unknown): WriteResult =>
  fields && typeof fields === 'object'
    ? createItem({ kind, ...who }, fields as Record<string, unknown>)
    : { ok: false, reason: 'invalid' };

/** Posts a strength of the other party (or an addition in the feedback round). */
export function postStrength(who: Who, fields: unknown): WriteResult {
  return add(STRENGTH, who, fields);
}

/** Proposes a role for the catalogue. */
export function proposeRole(who: Who, fields: unknown): WriteResult {
  return add(ROLE_PROPOSAL, who, fields);
}

/** Gives or withdraws this person's +1 on a strength (their own +1 item — or draft — is hidden or shown again). */
export function togglePlusOne(who: Who, targetId: string): WriteResult {
  const mine = findItem((i) => i.kind === PLUS_ONE && i.authorId === who.authorId && i.targetId === targetId);
  if (mine) return patchItem(mine.id, { hidden: !mine.hidden });
  return add(PLUS_ONE, who, { targetId });
}

/** Moderation: hide or show, set the wall order, merge a duplicate into another strength. */
export function patchStrength(id: string, patch: Record<string, unknown>): boolean {
  return patchItem(id, patch).ok;
}

/** Merges a duplicate into another strength; returns what changed (for the undo), or null. */
export function mergeStrength(sourceId: string, targetId: string): MergeRecord | null {
  let rec: MergeRecord | null = null;
  const ok = staffTransact((board) => {
    rec = mergeRecord(board, sourceId, targetId);
    return rec !== null && mergeItems(board, sourceId, targetId, Date.now());
  });
  return ok ? rec : null;
}

/** Undoes a merge: both strengths show again, each with its own authors and +1s. */
export function undoStrengthMerge(rec: MergeRecord): boolean {
  return staffTransact((board) => undoMerge(board, rec, Date.now()));
}

/** Takes one strength out of the strength it was merged into. */
export function splitStrength(id: string): boolean {
  return staffTransact((board) => splitItem(board, id, Date.now()));
}
