import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { useSessionItemsWithDrafts as useSessionItems } from '../../sync/itemWrites';

/** The items of one kind in one session (optionally one cooperation), oldest first. */
export function useItems(sessionId: string, kind: string, groupId?: string | null): Item[] {
  // The session's items come sorted oldest first, and change only when one of them does.
  const items = useSessionItems(sessionId);
  return useMemo(
    () =>
      items.filter(
        (i) => i.kind === kind && !i.hidden && (groupId === undefined || groupId === null || i.groupId === groupId),
      ),
    [items, kind, groupId],
  );
}
