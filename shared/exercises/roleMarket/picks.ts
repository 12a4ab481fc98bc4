import type { RoleCard } from '../../catalogue/roles';

/** A role pick as the logic needs it (the board item's fields). */
export interface RolePick {
  id: string;
  roleId: string;
  groupId: string | null;
  authorId: string | null;
  whoMemberId?: string;
  whoParty?: string;
  why: string;
}

export interface PickLimits {
  min: number;
  max: number;
}

const int = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);

/**
 * How many roles each participant picks: the exercise state's limits (set live by the facilitator) over the
 * session settings, over the default 3–5; always 1 ≤ min ≤ max ≤ 20.
 */
export function pickLimits(settings: Record<string, unknown>, state: Record<string, unknown> = {}): PickLimits {
  const max = Math.min(20, Math.max(1, int(state.maxPicks, int(settings.maxPicks, 5))));
  const min = Math.min(max, Math.max(1, int(state.minPicks, int(settings.minPicks, 3))));
  return { min, max };
}

/** Where a participant stands: how many picked, whether they may pick more, whether they have picked enough. */
export function pickProgress(count: number, limits: PickLimits) {
  return {
    count,
    canPickMore: count < limits.max,
    enough: count >= limits.min,
    remaining: Math.max(0, limits.min - count),
  };
}

/** A row of the grid: a member of the cooperation or a named party. */
export interface GridRow {
  key: string;
  memberId?: string;
  party?: string;
}

/**
 * The cooperation's picks as a people × roles grid: rows are who a role applies to (members first, in the order
 * given, then named parties), columns the roles picked, each cell the picks with their reasons.
 */
export function roleGrid(picks: readonly RolePick[], memberIds: readonly string[], cards: readonly RoleCard[]) {
  const rowKey = (p: RolePick) =>
    p.whoMemberId ? `m:${p.whoMemberId}` : `p:${(p.whoParty ?? '').toLocaleLowerCase()}`;
  const rows: GridRow[] = [];
  const seen = new Set<string>();
  for (const id of memberIds)
    if (picks.some((p) => p.whoMemberId === id)) {
      rows.push({ key: `m:${id}`, memberId: id });
      seen.add(`m:${id}`);
    }
  for (const p of picks) {
    const k = rowKey(p);
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push(p.whoMemberId ? { key: k, memberId: p.whoMemberId } : { key: k, party: p.whoParty ?? '' });
  }
  const columns = cards.filter((c) => picks.some((p) => p.roleId === c.id));
  const cell = (row: GridRow, roleId: string) => picks.filter((p) => rowKey(p) === row.key && p.roleId === roleId);
  return { rows, columns, cell };
}

/** Per role: how often it was picked, per cooperation; roles nobody picked come out with count 0. */
export function roleTally(picks: readonly RolePick[], cards: readonly RoleCard[]) {
  return cards
    .map((c) => {
      const mine = picks.filter((p) => p.roleId === c.id);
      const byGroup: Record<string, number> = {};
      for (const p of mine) if (p.groupId) byGroup[p.groupId] = (byGroup[p.groupId] ?? 0) + 1;
      return { card: c, count: mine.length, byGroup, picks: mine };
    })
    .sort((a, b) => b.count - a.count || a.card.name.nl.localeCompare(b.card.name.nl));
}
