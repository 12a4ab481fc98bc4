import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { NOTE } from '../../../shared/exercises/noteWall/kind';
import { useOwnSessionItems, useSessionItems } from '../../store/boardStore';
import { byCreation } from '../../store/sessionIndex';

/** A note as the views show it. */
export type Note = Item & { text: string };

const isNote = (i: Item): i is Note => i.kind === NOTE && typeof i.text === 'string';

/** The notes of one session, oldest first; the same array until one of the session's items changes. */
export function useSessionNotes(sessionId: string): Note[] {
  const items = useSessionItems(sessionId);
  // A participant's private drafts show among their own notes until the facilitator reveals them.
  const drafts = useOwnSessionItems(sessionId);
  return useMemo(() => {
    const notes = items.filter(isNote);
    if (drafts.length === 0) return notes;
    const onBoard = new Set(items.map((i) => i.id));
    return [...notes, ...drafts.filter((d) => !onBoard.has(d.id) && isNote(d))].sort(byCreation) as Note[];
  }, [items, drafts]);
}
