import { NOTE } from '../../shared/exercises/noteWall/kind';
import { createItem, patchItem } from './itemWrites';

export type PostResult = { ok: true; id: string } | { ok: false; reason: 'invalid' | 'notConnected' };

/** Posts a note as the given author (a participant id, or 'facilitator'); a private draft while that is on. */
export function postNote(note: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  text: string;
}): PostResult {
  const { text, ...who } = note;
  const res = createItem({ kind: NOTE, ...who }, { text });
  if (res.ok) return { ok: true, id: res.id };
  return { ok: false, reason: res.reason === 'notConnected' ? 'notConnected' : 'invalid' };
}

/** Hides or shows an item for everyone (moderation; the facilitator has board write access). */
export function setItemHidden(id: string, hidden: boolean): boolean {
  return patchItem(id, { hidden }).ok;
}
