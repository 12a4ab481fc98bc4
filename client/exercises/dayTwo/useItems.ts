import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { useBoardStore } from '../../store/boardStore';

/** The items of one kind in one session (optionally one cooperation), oldest first. */
export function useItems(sessionId: string, kind: string, groupId?: string | null): Item[] {
  const items = useBoardStore((s) => s.items);
  return useMemo(
    () =>
      Object.values(items)
        .filter(
          (i) =>
            i.kind === kind &&
            i.sessionId === sessionId &&
            !i.hidden &&
            (groupId === undefined || groupId === null || i.groupId === groupId),
        )
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    [items, sessionId, kind, groupId],
  );
}
