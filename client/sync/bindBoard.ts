import type * as Y from 'yjs';
import { itemsMap, readItem, type Item } from '../../shared/boardDoc';
import type { StoreApi, UseBoundStore } from 'zustand';
import { useBoardStore, type BoardStore } from '../store/boardStore';
import { indexSessions, updateSessions, type ItemChange } from '../store/sessionIndex';

/**
 * Mirrors the board's items into the board store, once per transaction, re-reading only the items that changed
 * (a new object per changed item, so selectors notice) and re-placing only those in their session's list.
 * Returns the cleanup.
 */
export function bindBoard(doc: Y.Doc, store: UseBoundStore<StoreApi<BoardStore>> = useBoardStore): () => void {
  const items = itemsMap(doc);

  const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const changed = new Set<string>();
    for (const e of events) {
      if (e.target === items) for (const key of e.keys.keys()) changed.add(key);
      else if (typeof e.path[0] === 'string') changed.add(e.path[0]);
    }
    if (changed.size === 0) return;
    const prev = store.getState();
    const next: Record<string, Item> = { ...prev.items };
    const changes: ItemChange[] = [];
    for (const id of changed) {
      const m = items.get(id);
      const before = prev.items[id];
      const after = m ? readItem(m) : undefined;
      if (after) next[id] = after;
      else delete next[id];
      if (before || after) changes.push({ before, after });
    }
    store.setState({ items: next, sessions: updateSessions(prev.sessions, changes, next) });
  };
  items.observeDeep(onChange);

  const all: Record<string, Item> = {};
  for (const [id, m] of items.entries()) all[id] = readItem(m);
  store.setState({ items: all, sessions: indexSessions(Object.values(all)) });

  return () => items.unobserveDeep(onChange);
}
