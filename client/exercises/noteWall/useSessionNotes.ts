import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { NOTE } from '../../../shared/exercises/noteWall';
import { useBoardStore } from '../../store/boardStore';

/** A note as the views show it. */
export type Note = Item & { text: string };

/** The notes of one session, oldest first. */
export function useSessionNotes(sessionId: string): Note[] {
  const items = useBoardStore((s) => s.items);
  return useMemo(
    () =>
      Object.values(items)
        .filter((i): i is Note => i.kind === NOTE && i.sessionId === sessionId && typeof i.text === 'string')
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    [items, sessionId],
  );
}
