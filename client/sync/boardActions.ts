import { addItem, patchItem } from '../../shared/boardDoc';
import { NOTE, noteFields } from '../../shared/exercises/noteWall';
import { newId } from '../../shared/ids';
import { getActiveWorkshop } from './activeWorkshop';
import { LOCAL_ORIGIN } from './origins';
import { writeTarget } from './privateWriting';

export type PostResult = { ok: true; id: string } | { ok: false; reason: 'invalid' | 'notConnected' };

/** Posts a note on the board as the given author (a participant id, or 'facilitator'). */
export function postNote(note: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  text: string;
}): PostResult {
  // While the phase is private the note is a draft in the participant's own document.
  const board = writeTarget();
  if (!board) return { ok: false, reason: 'notConnected' };
  const fields = noteFields.safeParse({ text: note.text });
  if (!fields.success) return { ok: false, reason: 'invalid' };
  const now = Date.now();
  const id = newId('i');
  board.transact(() => {
    addItem(board, {
      id,
      kind: NOTE,
      sessionId: note.sessionId,
      groupId: note.groupId,
      authorId: note.authorId,
      createdAt: now,
      updatedAt: now,
      text: fields.data.text,
    });
  }, LOCAL_ORIGIN);
  return { ok: true, id };
}

/** Hides or shows an item for everyone (moderation; the facilitator has board write access). */
export function setItemHidden(id: string, hidden: boolean): boolean {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  let done = false;
  board.transact(() => {
    done = patchItem(board, id, { hidden }, Date.now());
  }, LOCAL_ORIGIN);
  return done;
}
