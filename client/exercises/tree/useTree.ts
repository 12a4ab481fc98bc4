import { useMemo } from 'react';
import { isVisible, type Item } from '../../../shared/boardDoc';
import { TREE_ITEM, type TreeState } from '../../../shared/exercises/tree';
import type { TreeZone } from '../../../shared/exercises/tree/zones';
import { useSessionItemsWithDrafts as useSessionItems } from '../../sync/itemWrites';
import { useExerciseState } from '../useExercise';

export type TreeItemView = Item & { text: string; zone: TreeZone; treeGroupId: string; linkNo?: number };

/** The session's tree items (with their harvest link number, if linked) and the server's tree state. */
export function useTree(sessionId: string) {
  const items = useSessionItems(sessionId);
  const state = useExerciseState(sessionId) as TreeState;
  return useMemo(() => {
    const linkNo = new Map<string, number>();
    (state.links ?? []).forEach((l, n) => l.itemIds.forEach((id) => linkNo.set(id, n + 1)));
    const all = items
      .filter((i): i is TreeItemView => i.kind === TREE_ITEM)
      .map((i) => (linkNo.has(i.id) ? { ...i, linkNo: linkNo.get(i.id) } : i));
    const groups = state.groups ?? [];
    const ofGroup = (groupId: string, visibleOnly = true) =>
      all.filter((i) => i.treeGroupId === groupId && (!visibleOnly || isVisible(i)));
    return { state, groups, all, ofGroup };
  }, [items, state]);
}
