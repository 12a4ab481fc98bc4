import { useMemo } from 'react';
import type { Item } from '../../shared/boardDoc';
import type * as Y from 'yjs';
import { useBoardStore, useOwnStore } from '../store/boardStore';
import { useControlStore } from '../store/controlStore';
import { useLiveStore } from '../store/liveStore';
import { getActiveWorkshop } from './activeWorkshop';

/**
 * Whether the current phase is private for this page: true only for participants while private writing is on. A page
 * with an own document is a participant's even before the server's hello arrived (a phone reloaded offline).
 */
export const isPrivateNow = (): boolean =>
  !!useControlStore.getState().state?.privateWriting &&
  (useLiveStore.getState().hello?.role === 'participant' || !!getActiveWorkshop()?.own);

/**
 * The document a participant's new contribution goes into: their own document while the phase is private (so it
 * reaches nobody else until the facilitator reveals), else the board. Exercises call this instead of taking the
 * board directly (through `client/sync/itemWrites.ts`, the one write path).
 */
export function writeTarget(): Y.Doc | null {
  const w = getActiveWorkshop();
  if (!w) return null;
  // Private without an own document (not connected yet): nothing is written rather than the board.
  if (isPrivateNow()) return w.own ?? null;
  return w.board;
}

/** React side of the same: whether new contributions are private drafts right now. */
export const usePrivateWriting = (): boolean => {
  const on = useControlStore((s) => !!s.state?.privateWriting);
  const participant = useLiveStore((s) => s.hello?.role === 'participant');
  return on && participant;
};

/**
 * The board's items plus this participant's private drafts (which exist only on their own phone until revealed),
 * so an exercise's phone view shows someone their own contributions whether or not the phase is private.
 */
export function useItemsWithDrafts(): Record<string, Item> {
  const board = useBoardStore((s) => s.items);
  const own = useOwnStore((s) => s.items);
  return useMemo(() => (Object.keys(own).length ? { ...own, ...board } : board), [board, own]);
}
