import type * as Y from 'yjs';
import { itemsMap, readItem, type Item } from '../../shared/boardDoc';
import { useBoardStore } from '../store/boardStore';

/**
 * Mirrors the board's items into the board store, once per transaction, re-reading only the items that changed
 * (a new object per changed item, so selectors notice). Returns the cleanup.
 */
export function bindBoard(doc: Y.Doc): () => void {
  const items = itemsMap(doc);

  const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const changed = new Set<string>();
    for (const e of events) {
      if (e.target === items) for (const key of e.keys.keys()) changed.add(key);
      else if (typeof e.path[0] === 'string') changed.add(e.path[0]);
    }
    if (changed.size === 0) return;
    const next: Record<string, Item> = { ...useBoardStore.getState().items };
    for (const id of changed) {
      const m = items.get(id);
      if (m) next[id] = readItem(m);
      else delete next[id];
    }
    useBoardStore.setState({ items: next });
  };
  items.observeDeep(onChange);

  const all: Record<string, Item> = {};
  for (const [id, m] of items.entries()) all[id] = readItem(m);
  useBoardStore.setState({ items: all });

  return () => items.unobserveDeep(onChange);
}
