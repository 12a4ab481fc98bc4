import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/boardDoc';
import { byCreation, indexSessions, updateSessions, type ItemChange } from '../../client/store/sessionIndex';

const item = (id: string, sessionId: string, createdAt: number, extra: Partial<Item> = {}): Item => ({
  id,
  kind: 'note',
  sessionId,
  groupId: null,
  authorId: null,
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

/** Applies changes to a plain record and the index, as bindBoard does; returns both. */
function apply(items: Record<string, Item>, index: ReturnType<typeof indexSessions>, changes: ItemChange[]) {
  const next = { ...items };
  for (const c of changes) {
    if (c.before) delete next[c.before.id];
    if (c.after) next[c.after.id] = c.after;
  }
  return { items: next, index: updateSessions(index, changes, next) };
}

describe('session index (the board mirror per session)', () => {
  it('groups by session, oldest first, ties by id', () => {
    const index = indexSessions([item('b', 's1', 2), item('a', 's1', 2), item('c', 's2', 1), item('d', 's1', 1)]);
    expect(index.s1!.map((i) => i.id)).toEqual(['d', 'a', 'b']);
    expect(index.s2!.map((i) => i.id)).toEqual(['c']);
  });

  it('places a new, edited or removed item, and keeps the untouched sessions as they were', () => {
    const start = [item('a', 's1', 1), item('c', 's1', 3), item('x', 's2', 1)];
    let items = Object.fromEntries(start.map((i) => [i.id, i]));
    let index = indexSessions(start);
    const s2 = index.s2;
    ({ items, index } = apply(items, index, [{ after: item('b', 's1', 2) }]));
    expect(index.s1!.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(index.s2).toBe(s2);
    const edited = item('b', 's1', 2, { text: 'anders' });
    ({ items, index } = apply(items, index, [{ before: items.b, after: edited }]));
    expect(index.s1![1]).toBe(edited);
    expect(index.s1).toHaveLength(3);
    ({ items, index } = apply(items, index, [{ before: items.a }]));
    expect(index.s1!.map((i) => i.id)).toEqual(['b', 'c']);
    // Moved to another session (never done today, but the index must not keep a stale copy).
    ({ items, index } = apply(items, index, [{ before: items.c, after: item('c', 's2', 3) }]));
    expect(index.s1!.map((i) => i.id)).toEqual(['b']);
    expect(index.s2!.map((i) => i.id)).toEqual(['x', 'c']);
    ({ items, index } = apply(items, index, [{ before: items.b }]));
    expect(index.s1).toBeUndefined();
  });

  it('matches a full sort after a random stream of changes, small and wholesale', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let items: Record<string, Item> = {};
    let index = indexSessions([]);
    for (let round = 0; round < 300; round++) {
      const changes: ItemChange[] = [];
      const count = round % 50 === 0 ? 80 : 1 + rand(3);
      const seen = new Set<string>();
      for (let k = 0; k < count; k++) {
        const id = `i${rand(120)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const before = items[id];
        const after = rand(4) === 0 ? undefined : item(id, `s${rand(3)}`, rand(20), { text: String(round) });
        if (before || after) changes.push({ before, after });
      }
      ({ items, index } = apply(items, index, changes));
    }
    expect(index).toEqual(indexSessions(Object.values(items)));
    for (const list of Object.values(index)) expect([...list].sort(byCreation)).toEqual(list);
  });
});
