import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { NOTE } from '../../../shared/exercises/noteWall';
import { useBoardStore, useOwnStore } from '../../store/boardStore';

/** A note as the views show it. */
export type Note = Item & { text: string };

/** The notes of one session, oldest first. */
export function useSessionNotes(sessionId: string): Note[] {
  const items = useBoardStore((s) => s.items);
  // A participant's private drafts show among their own notes until the facilitator reveals them.
  const drafts = useOwnStore((s) => s.items);
  return useMemo(
    () =>
      [...Object.values(items), ...Object.values(drafts).filter((d) => !items[d.id])]
        .filter((i): i is Note => i.kind === NOTE && i.sessionId === sessionId && typeof i.text === 'string')
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    [items, drafts, sessionId],
  );
}
