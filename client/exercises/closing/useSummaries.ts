import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import {
  CLOSING_SPOKESPERSON,
  CLOSING_SUMMARY,
  closingOrder,
  closingSpokespersonFields,
  currentSpokesperson,
  groupSummary,
  spokespersonId,
} from '../../../shared/exercises/closing';
import { useControlStore } from '../../store/controlStore';
import { addDayTwoItem, patchDayTwoItem } from '../dayTwo/boardWrites';
import { useItems } from '../dayTwo/useItems';

export type Summary = Item & { by: 'spokesperson' | 'researcher'; name: string; text: string };

/** The session's summaries in the order the facilitator steps through them: one per cooperation, its speaker's. */
export function useSummaries(sessionId: string): Summary[] {
  const items = useItems(sessionId, CLOSING_SUMMARY) as Summary[];
  const picks = useItems(sessionId, CLOSING_SPOKESPERSON);
  const groups = useControlStore((s) => s.groups);
  return useMemo(() => {
    const all = [...items, ...picks];
    const shown = new Set(groups.map((g) => groupSummary(all, g.id)?.id).filter(Boolean));
    return closingOrder(
      items.filter((s) => s.by === 'researcher' || shown.has(s.id)),
      groups.map((g) => g.id),
    );
  }, [items, picks, groups]);
}

/** A cooperation's spokesperson (chosen, or who wrote first) and its summary as presented. */
export function useSpokesperson(sessionId: string, groupId: string | null) {
  const items = useItems(sessionId, CLOSING_SUMMARY) as Summary[];
  const picks = useItems(sessionId, CLOSING_SPOKESPERSON);
  return useMemo(() => {
    if (!groupId) return { speaker: null, summary: undefined, pick: undefined };
    const all = [...items, ...picks];
    return {
      speaker: currentSpokesperson(all, groupId),
      summary: groupSummary(all, groupId) as Summary | undefined,
      pick: picks.find((p) => p.groupId === groupId),
    };
  }, [items, picks, groupId]);
}

/**
 * Makes `participantId` the cooperation's spokesperson: a member taking it over, or the facilitator choosing. The
 * choice is the cooperation's group item, so whoever changes it last decides, and nobody's summary is lost.
 */
export function chooseSpokesperson(
  sessionId: string,
  groupId: string,
  participantId: string,
  by: string,
  pick: Item | undefined,
): boolean {
  if (pick) return patchDayTwoItem(pick.id, { participantId });
  return addDayTwoItem(
    closingSpokespersonFields,
    { id: spokespersonId(sessionId, groupId), kind: CLOSING_SPOKESPERSON, sessionId, groupId, authorId: by },
    { participantId, editableBy: 'group' },
  ).ok;
}
