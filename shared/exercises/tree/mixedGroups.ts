import type { Side } from '../../programme';

/** Who is being grouped: their id, side and cooperation (their control group). */
export interface Groupable {
  id: string;
  side: Side;
  cooperationId: string;
}

/** A small working group, e.g. one tree. */
export interface WorkGroup {
  id: string;
  name: string;
  members: string[];
}

/** A small seeded PRNG (mulberry32), so the same seed gives the same groups everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const lexLess = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

// Sum of squared counts: lower when sides and cooperations are spread evenly over the groups.
function penalty(groups: Groupable[][]): number {
  let p = 0;
  for (const g of groups) {
    const counts = new Map<string, number>();
    let formal = 0;
    for (const m of g) {
      counts.set(m.cooperationId, (counts.get(m.cooperationId) ?? 0) + 1);
      if (m.side === 'formal') formal++;
    }
    p += 10 * (formal * formal + (g.length - formal) ** 2);
    for (const c of counts.values()) p += c * c;
  }
  return p;
}

/**
 * Splits people into groups of about `size`, mixing sides and cooperations as evenly as possible. Deterministic for
 * a seed: a seeded shuffle, a greedy deal, then pairwise swaps while they lower the imbalance.
 */
export function mixedGroups(people: readonly Groupable[], size: number, seed: number): Groupable[][] {
  if (people.length === 0) return [];
  const k = Math.max(1, Math.ceil(people.length / Math.max(2, size)));
  const rand = seededRandom(seed);
  const sorted = [...people].sort((a, b) => a.id.localeCompare(b.id));
  const order = [
    ...shuffled(
      sorted.filter((p) => p.side === 'formal'),
      rand,
    ),
    ...shuffled(
      sorted.filter((p) => p.side !== 'formal'),
      rand,
    ),
  ];
  const capacity = (g: number) => Math.floor(people.length / k) + (g < people.length % k ? 1 : 0);
  const groups: Groupable[][] = Array.from({ length: k }, () => []);
  for (const p of order) {
    let best = -1;
    let bestKey: number[] = [];
    groups.forEach((g, gi) => {
      if (g.length >= capacity(gi)) return;
      const key = [
        g.filter((m) => m.side === p.side).length,
        g.filter((m) => m.cooperationId === p.cooperationId).length,
        g.length,
      ];
      if (best < 0 || lexLess(key, bestKey)) {
        best = gi;
        bestKey = key;
      }
    });
    groups[best]?.push(p);
  }
  // Improve by swapping two people of different groups while that lowers the penalty (sizes stay the same).
  for (let improved = true, rounds = 0; improved && rounds < 50; rounds++) {
    improved = false;
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++)
        for (let i = 0; i < (groups[a]?.length ?? 0); i++)
          for (let j = 0; j < (groups[b]?.length ?? 0); j++) {
            const ga = groups[a] as Groupable[];
            const gb = groups[b] as Groupable[];
            const before = penalty([ga, gb]);
            [ga[i], gb[j]] = [gb[j] as Groupable, ga[i] as Groupable];
            if (penalty([ga, gb]) < before) improved = true;
            else [ga[i], gb[j]] = [gb[j] as Groupable, ga[i] as Groupable];
          }
  }
  return groups;
}

/** Mixed groups as named work groups (`Groep 1`, …) with stable ids derived from the seed. */
export function makeWorkGroups(people: readonly Groupable[], size: number, seed: number): WorkGroup[] {
  return mixedGroups(people, size, seed).map((g, i) => ({
    id: `mix-${seed}-${i + 1}`,
    name: `Groep ${i + 1}`,
    members: g.map((m) => m.id),
  }));
}

/** Moves one person to another work group by hand (returns new groups; unknown target leaves them as they are). */
export function moveMember(groups: readonly WorkGroup[], memberId: string, toGroupId: string): WorkGroup[] {
  if (!groups.some((g) => g.id === toGroupId)) return [...groups];
  return groups.map((g) => ({
    ...g,
    members:
      g.id === toGroupId
        ? [...g.members.filter((m) => m !== memberId), memberId]
        : g.members.filter((m) => m !== memberId),
  }));
}

/** The work group a person is in, if any. */
export const groupOf = (groups: readonly WorkGroup[], memberId: string): WorkGroup | undefined =>
  groups.find((g) => g.members.includes(memberId));
