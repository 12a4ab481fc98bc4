import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/boardDoc';
import { withReady, readyByGroup } from '../../shared/toolkit/ready';
import { canVote, myVotes, tallyVotes, VOTE } from '../../shared/toolkit/votes';

const vote = (id: string, authorId: string | null, targetId: string, createdAt: number, setId = 's1'): Item => ({
  id,
  kind: VOTE,
  sessionId: 'x',
  groupId: null,
  authorId,
  createdAt,
  updatedAt: createdAt,
  setId,
  targetId,
});

describe('dot-vote tally', () => {
  const config = { setId: 's1', budget: 3, maxPerItem: 2 };

  it('counts named dots within the budget and the cap per item, in the order they were cast', () => {
    const items = [
      vote('v1', 'ann', 'a', 1),
      vote('v2', 'ann', 'a', 2),
      vote('v3', 'ann', 'a', 3), // over the cap per item: ignored
      vote('v4', 'ann', 'b', 4),
      vote('v5', 'ann', 'c', 5), // over the budget: ignored
      vote('v6', 'bob', 'c', 6),
      vote('v7', 'bob', 'c', 7, 'other'), // another vote
    ];
    const tally = tallyVotes(items, config);
    expect(Object.fromEntries(tally)).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('counts every anonymous dot (the server checked them) and ignores hidden ones', () => {
    const items = [vote('v1', null, 'a', 1), vote('v2', null, 'a', 2), { ...vote('v3', 'ann', 'a', 3), hidden: true }];
    expect(tallyVotes(items, config).get('a')).toBe(2);
  });

  it('tells whether one more or one fewer dot is allowed', () => {
    const mine = myVotes(
      [vote('v1', 'ann', 'a', 1), vote('v2', 'ann', 'a', 2), vote('v3', 'bob', 'b', 3)],
      's1',
      'ann',
    );
    expect(Object.fromEntries(mine)).toEqual({ a: 2 });
    expect(canVote(mine, 'a', 1, config)).toBe(false); // cap per item
    expect(canVote(mine, 'b', 1, config)).toBe(true);
    expect(
      canVote(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
        'c',
        1,
        config,
      ),
    ).toBe(false); // budget
    expect(canVote(mine, 'b', -1, config)).toBe(false); // nothing to take back
    expect(canVote(mine, 'a', -1, config)).toBe(true);
  });
});

describe('ready signal', () => {
  it('adds, removes and keeps order without duplicates', () => {
    let r = withReady(undefined, 'a', true);
    r = withReady(r, 'b', true);
    r = withReady(r, 'a', true);
    expect(r).toEqual(['b', 'a']);
    expect(withReady(r, 'b', false)).toEqual(['a']);
  });

  it('groups who is ready per group', () => {
    const groups = [
      { id: 'g1', name: 'Utrecht', order: 0 },
      { id: 'g2', name: 'Zaandam', order: 1 },
    ];
    const p = (id: string, groupId: string) => ({ id, name: id, groupId, side: 'formal' as const, joinedAt: 0 });
    const out = readyByGroup(groups, [p('a', 'g1'), p('b', 'g1'), p('c', 'g2')], ['b']);
    expect(out.map((g) => [g.group.id, g.ready.map((x) => x.id), g.members.length])).toEqual([
      ['g1', ['b'], 2],
      ['g2', [], 1],
    ]);
  });
});
