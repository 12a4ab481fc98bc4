import { create } from 'zustand';
import type { Item } from '../../shared/boardDoc';
import type { SessionIndex } from './sessionIndex';

/** Read-only mirror of the board document's items; a changed item is a new object. */
export interface BoardStore {
  /** Every item, keyed by id. */
  items: Record<string, Item>;
  /**
   * The same items per session, oldest first; a session's array is new only when one of its items changed, so a
   * view of one session selects it and re-renders for that session's changes only, without filtering or sorting.
   */
  sessions: SessionIndex;
}

export const emptyBoard = (): BoardStore => ({ items: {}, sessions: {} });

export const useBoardStore = create<BoardStore>(emptyBoard);

/** This participant's private drafts (`own/<participantId>`), same shape as the board; empty for other roles. */
export const useOwnStore = create<BoardStore>(emptyBoard);

const NO_ITEMS: readonly Item[] = [];

/** One session's items on the board, oldest first (a stable empty array when it has none). */
export const useSessionItems = (sessionId: string): readonly Item[] =>
  useBoardStore((s) => s.sessions[sessionId] ?? NO_ITEMS);

/** One session's private drafts of this participant, oldest first. */
export const useOwnSessionItems = (sessionId: string): readonly Item[] =>
  useOwnStore((s) => s.sessions[sessionId] ?? NO_ITEMS);
