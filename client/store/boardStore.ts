import { create } from 'zustand';
import type { Item } from '../../shared/boardDoc';

/** Read-only mirror of the board document's items, keyed by id; a changed item is a new object. */
export interface BoardStore {
  items: Record<string, Item>;
}

export const useBoardStore = create<BoardStore>(() => ({ items: {} }));

/** This participant's private drafts (`own/<participantId>`), same shape as the board; empty for other roles. */
export const useOwnStore = create<BoardStore>(() => ({ items: {} }));
