import { z } from 'zod';
import type { Item } from '../boardDoc';
import type { VotingConfig } from '../controlDoc';

/** Item kind of one dot: a vote on another item, as one item per dot so every dot keeps its time. */
export const VOTE = 'vote' as const;

/** A vote's own fields: which vote (set) it belongs to and which item it is on. */
export const voteFields = z.object({
  setId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  targetId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
});

export type VoteItem = Item & z.infer<typeof voteFields>;

export const isVote = (i: Item): i is VoteItem =>
  i.kind === VOTE && typeof i.setId === 'string' && typeof i.targetId === 'string';

/**
 * Dots per item of one vote. Named dots count in the order they were cast, and only while the voter is within
 * the budget and the cap per item, so a modified phone that writes more dots than allowed gains nothing.
 * Anonymous dots (no author) were checked by the server when it wrote them, and all count.
 */
export function tallyVotes(items: readonly Item[], config: Pick<VotingConfig, 'setId' | 'budget' | 'maxPerItem'>) {
  const counts = new Map<string, number>();
  const perVoter = new Map<string, { total: number; byTarget: Map<string, number> }>();
  const votes = items
    .filter(isVote)
    .filter((v) => v.setId === config.setId && !v.hidden)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const v of votes) {
    if (v.authorId) {
      let mine = perVoter.get(v.authorId);
      if (!mine) perVoter.set(v.authorId, (mine = { total: 0, byTarget: new Map() }));
      const onTarget = mine.byTarget.get(v.targetId) ?? 0;
      if (mine.total >= config.budget || onTarget >= config.maxPerItem) continue;
      mine.total++;
      mine.byTarget.set(v.targetId, onTarget + 1);
    }
    counts.set(v.targetId, (counts.get(v.targetId) ?? 0) + 1);
  }
  return counts;
}

/** Checks one more dot (or one fewer) by a voter who has `mine` dots per target so far. */
export function canVote(
  mine: ReadonlyMap<string, number>,
  targetId: string,
  delta: 1 | -1,
  config: Pick<VotingConfig, 'budget' | 'maxPerItem'>,
): boolean {
  const onTarget = mine.get(targetId) ?? 0;
  if (delta < 0) return onTarget > 0;
  const total = [...mine.values()].reduce((a, b) => a + b, 0);
  return total < config.budget && onTarget < config.maxPerItem;
}

/** A voter's own named dots per target in one vote. */
export function myVotes(items: readonly Item[], setId: string, voterId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of items.filter(isVote)) {
    if (v.setId === setId && v.authorId === voterId && !v.hidden) out.set(v.targetId, (out.get(v.targetId) ?? 0) + 1);
  }
  return out;
}
