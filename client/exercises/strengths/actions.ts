import { addItem, patchItem, readItems } from '../../../shared/boardDoc';
import {
  PLUS_ONE,
  plusOneFields,
  ROLE_PROPOSAL,
  roleProposalFields,
  STRENGTH,
  strengthFields,
} from '../../../shared/exercises/strengths';
import { mergeItems } from '../../../shared/exercises/strengths/merge';
import { newId } from '../../../shared/ids';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { LOCAL_ORIGIN } from '../../sync/origins';

export type WriteResult = { ok: true; id: string } | { ok: false; reason: 'invalid' | 'notConnected' };

interface Who {
  sessionId: string;
  groupId: string | null;
  authorId: string;
}

function add(kind: string, who: Who, fields: Record<string, unknown>): WriteResult {
  const board = getActiveWorkshop()?.board;
  if (!board) return { ok: false, reason: 'notConnected' };
  const now = Date.now();
  const id = newId('i');
  board.transact(() => addItem(board, { id, kind, ...who, createdAt: now, updatedAt: now, ...fields }), LOCAL_ORIGIN);
  return { ok: true, id };
}

/** Posts a strength of the other party (or an addition in the feedback round). */
export function postStrength(who: Who, fields: unknown): WriteResult {
  const f = strengthFields.safeParse(fields);
  return f.success ? add(STRENGTH, who, f.data) : { ok: false, reason: 'invalid' };
}

/** Proposes a role for the catalogue. */
export function proposeRole(who: Who, fields: unknown): WriteResult {
  const f = roleProposalFields.safeParse(fields);
  return f.success ? add(ROLE_PROPOSAL, who, f.data) : { ok: false, reason: 'invalid' };
}

/** Gives or withdraws this person's +1 on a strength (their own +1 item is hidden or shown again). */
export function togglePlusOne(who: Who, targetId: string): WriteResult {
  const board = getActiveWorkshop()?.board;
  if (!board) return { ok: false, reason: 'notConnected' };
  const mine = readItems(board).find(
    (i) => i.kind === PLUS_ONE && i.authorId === who.authorId && i.targetId === targetId,
  );
  if (mine) {
    board.transact(() => patchItem(board, mine.id, { hidden: !mine.hidden }, Date.now()), LOCAL_ORIGIN);
    return { ok: true, id: mine.id };
  }
  return add(PLUS_ONE, who, plusOneFields.parse({ targetId }));
}

/** Moderation: hide or show, set the wall order, merge a duplicate into another strength. */
export function patchStrength(id: string, patch: Record<string, unknown>): boolean {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  let done = false;
  board.transact(() => {
    done = patchItem(board, id, patch, Date.now());
  }, LOCAL_ORIGIN);
  return done;
}

export function mergeStrength(sourceId: string, targetId: string): boolean {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  let done = false;
  board.transact(() => {
    done = mergeItems(board, sourceId, targetId, Date.now());
  }, LOCAL_ORIGIN);
  return done;
}
