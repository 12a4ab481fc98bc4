import type { Item } from '../../shared/boardDoc';

/** The board's items per session, oldest first (ties by id): the order every view lists them in. */
export type SessionIndex = Readonly<Record<string, readonly Item[]>>;

/** One item's change in a transaction: what the mirror held before and what the document holds now. */
export interface ItemChange {
  before?: Item;
  after?: Item;
}

/** Above this many changes to one session in one transaction (the first sync), sorting anew beats inserting. */
const REBUILD_AT = 32;

/** Never throws, also for a damaged item without a time or an id (it is shown as damaged, not lost). */
export const byCreation = (a: Item, b: Item): number =>
  a.createdAt - b.createdAt || 0 || String(a.id).localeCompare(String(b.id));

/** The first position in `list` (sorted by creation) whose item does not come before `item`. */
function lowerBound(list: readonly Item[], item: Item): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byCreation(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function remove(list: Item[], item: Item): void {
  const at = lowerBound(list, item);
  const i = list[at]?.id === item.id ? at : list.findIndex((x) => x.id === item.id);
  if (i >= 0) list.splice(i, 1);
}

/** Groups items by session, each session sorted by creation. */
export function indexSessions(items: Iterable<Item>): SessionIndex {
  const out: Record<string, Item[]> = {};
  for (const item of items) (out[item.sessionId] ??= []).push(item);
  for (const list of Object.values(out)) list.sort(byCreation);
  return out;
}

/**
 * The index after a transaction: only sessions with a changed item get a new array (the others keep theirs, so
 * their views do not re-render), and a changed item is found and placed by binary search instead of sorting the
 * session again. `items` (the mirror after the change) is read only to rebuild a session that changed wholesale.
 */
export function updateSessions(
  index: SessionIndex,
  changes: readonly ItemChange[],
  items: Readonly<Record<string, Item>>,
): SessionIndex {
  const perSession = new Map<string, ItemChange[]>();
  const touch = (sessionId: string, c: ItemChange) => {
    const list = perSession.get(sessionId);
    if (list) list.push(c);
    else perSession.set(sessionId, [c]);
  };
  for (const c of changes) {
    if (c.before) touch(c.before.sessionId, c);
    if (c.after && c.after.sessionId !== c.before?.sessionId) touch(c.after.sessionId, c);
  }
  if (perSession.size === 0) return index;
  const next: Record<string, readonly Item[]> = { ...index };
  for (const [sessionId, sessionChanges] of perSession) {
    let list: Item[];
    if (sessionChanges.length > REBUILD_AT) {
      list = Object.values(items).filter((i) => i.sessionId === sessionId);
      list.sort(byCreation);
    } else {
      list = [...(index[sessionId] ?? [])];
      for (const { before, after } of sessionChanges) {
        if (before?.sessionId === sessionId) remove(list, before);
        if (after?.sessionId === sessionId) list.splice(lowerBound(list, after), 0, after);
      }
    }
    if (list.length > 0) next[sessionId] = list;
    else delete next[sessionId];
  }
  return next;
}
