import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { CLOSING_SUMMARY, closingOrder } from '../../../shared/exercises/closing';
import { useControlStore } from '../../store/controlStore';
import { useItems } from '../dayTwo/useItems';

export type Summary = Item & { by: 'spokesperson' | 'researcher'; name: string; text: string };

/** The session's summaries in the order the facilitator steps through them. */
export function useSummaries(sessionId: string): Summary[] {
  const items = useItems(sessionId, CLOSING_SUMMARY) as Summary[];
  const groups = useControlStore((s) => s.groups);
  return useMemo(
    () =>
      closingOrder(
        items,
        groups.map((g) => g.id),
      ),
    [items, groups],
  );
}
