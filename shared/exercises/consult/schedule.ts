/** One consult: a host cooperation receives one or more visiting cooperations. */
export interface Consult {
  hostId: string;
  visitorIds: string[];
}

/** One round of consults; `idle` are cooperations without a consult this round (only ever with odd numbers). */
export interface ConsultRound {
  round: number;
  /** Stable identity of the round (given by the server when planned), kept when the plan changes later. */
  id?: string;
  consults: Consult[];
  idle: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The most rounds the schedule can hold without a pair meeting twice. */
export const maxConsultRounds = (n: number): number => (n < 2 ? 0 : n % 2 === 0 ? n - 1 : n);

/**
 * The fewest rounds in which every cooperation both hosts and visits, with nobody idle: 2 for an even number (each
 * hosts once and visits once), 3 for an odd one (a round has at most ⌊n/2⌋ hosts, so 2 rounds cannot give all n a
 * turn to host; in 3, one consult per round takes a second visitor).
 */
export const defaultConsultRounds = (n: number): number => (n < 2 ? 0 : n % 2 === 0 ? 2 : 3);

/**
 * Plans the consult rounds (pure, deterministic). Pairs come from the circle method of round-robin tournaments, so
 * no two cooperations meet twice; in each pair the cooperation that has hosted least hosts (ties: the one that
 * visited most), so hosting and visiting stay as even as possible. With an odd number one cooperation is left over
 * per round: it joins another consult as a second visitor, preferably one whose host it never meets otherwise, so
 * nobody sits out. Asking for more rounds than `maxConsultRounds` (or, if more, `defaultConsultRounds`) gives that
 * maximum; beyond `maxConsultRounds` (only with 2 cooperations) a pair meets again with the roles swapped.
 */
export function consultSchedule(groupIds: readonly string[], rounds: number): ConsultRound[] {
  const ids = [...new Set(groupIds)];
  const n = ids.length;
  const total = Math.min(Math.max(0, Math.floor(rounds)), Math.max(maxConsultRounds(n), defaultConsultRounds(n)));
  if (total === 0) return [];
  const BYE = '\u0000bye';
  const circle = n % 2 === 0 ? ids : [...ids, BYE];
  const m = circle.length;
  const fixed = circle[0]!;
  const rest = circle.slice(1);

  // First every round's pairs, so a left-over cooperation is only added where that pair never meets.
  const plans: Array<{ pairs: Array<[string, string]>; leftOver: string | null }> = [];
  const met = new Set<string>();
  for (let r = 0; r < total; r++) {
    const k = r % rest.length;
    const rotated = [...rest.slice(k), ...rest.slice(0, k)];
    const line = [fixed, ...rotated];
    const pairs: Array<[string, string]> = [];
    let leftOver: string | null = null;
    for (let i = 0; i < m / 2; i++) {
      const a = line[i]!;
      const b = line[m - 1 - i]!;
      if (a === BYE) leftOver = b;
      else if (b === BYE) leftOver = a;
      else {
        pairs.push([a, b]);
        met.add(pairKey(a, b));
      }
    }
    plans.push({ pairs, leftOver });
  }

  const edges = plans.flatMap(({ pairs }, round) => pairs.map(([a, b]) => ({ round, host: a, visitor: b })));
  balanceHosting(ids, edges);
  const visited = new Map(ids.map((id) => [id, 0]));
  const out: ConsultRound[] = plans.map(({ leftOver }, r) => {
    const consults: Consult[] = edges
      .filter((e) => e.round === r)
      .map((e) => ({ hostId: e.host, visitorIds: [e.visitor] }));
    const idle: string[] = [];
    if (leftOver) {
      // A host it never meets otherwise; else the consult with the fewest visitors (meeting twice beats sitting out).
      const join =
        consults.find((c) => !met.has(pairKey(c.hostId, leftOver))) ??
        [...consults].sort((a, b) => a.visitorIds.length - b.visitorIds.length)[0];
      if (join) {
        join.visitorIds.push(leftOver);
        met.add(pairKey(join.hostId, leftOver));
        visited.set(leftOver, visited.get(leftOver)! + 1);
      } else idle.push(leftOver);
    }
    return { round: r + 1, consults, idle };
  });
  return out;
}

/**
 * Orients host/visitor pairs so every cooperation hosts about as often as it visits (the difference is at most 1):
 * while some cooperation hosts (or visits) two more than the other, flip a chain of consults from it to one
 * leaning the other way. Such a chain always exists, and each flip lowers the sum of squared surpluses, so this ends.
 */
function balanceHosting(ids: readonly string[], edges: Array<{ host: string; visitor: string }>): void {
  const surplus = () => {
    const s = new Map(ids.map((id) => [id, 0]));
    for (const e of edges) {
      s.set(e.host, s.get(e.host)! + 1);
      s.set(e.visitor, s.get(e.visitor)! - 1);
    }
    return s;
  };
  for (;;) {
    const s = surplus();
    const start = ids.find((id) => Math.abs(s.get(id)!) >= 2);
    if (!start) return;
    // Hosting too much: walk "hosts" edges to one that visits more; visiting too much: the other way round.
    const down = s.get(start)! > 0;
    const from = (e: { host: string; visitor: string }) => (down ? e.host : e.visitor);
    const to = (e: { host: string; visitor: string }) => (down ? e.visitor : e.host);
    const via = new Map<string, number>([[start, -1]]);
    const queue = [start];
    let end: string | null = null;
    while (queue.length > 0 && !end) {
      const u = queue.shift()!;
      edges.forEach((e, i) => {
        if (end || from(e) !== u || via.has(to(e))) return;
        via.set(to(e), i);
        if (down ? s.get(to(e))! <= -1 : s.get(to(e))! >= 1) end = to(e);
        else queue.push(to(e));
      });
    }
    if (!end) return; // Cannot happen (see above); stops rather than loops if it ever did.
    for (let v: string = end; v !== start;) {
      const e = edges[via.get(v)!]!;
      [e.host, e.visitor] = [e.visitor, e.host];
      v = from(e) === v ? to(e) : from(e);
    }
  }
}

/** What a cooperation does in a round: host (with its visitors), visit (a host), or nothing. */
export type ConsultPart =
  | { role: 'host'; visitorIds: string[] }
  | { role: 'visit'; hostId: string; otherVisitorIds: string[] }
  | { role: 'idle' };

export function partInRound(round: ConsultRound | undefined, groupId: string): ConsultPart {
  for (const c of round?.consults ?? []) {
    if (c.hostId === groupId) return { role: 'host', visitorIds: c.visitorIds };
    if (c.visitorIds.includes(groupId))
      return { role: 'visit', hostId: c.hostId, otherVisitorIds: c.visitorIds.filter((v) => v !== groupId) };
  }
  return { role: 'idle' };
}

/**
 * Free mode: cooperations sign up for a host. A sign-up is refused (with the reason) when the host is the visitor
 * itself, is full (`cap` visitors), or the pair already met in an earlier round.
 */
export function signUpRefusal(
  rounds: readonly ConsultRound[],
  round: number,
  visitorId: string,
  hostId: string,
  cap: number,
): null | 'self' | 'full' | 'metBefore' | 'isHost' {
  if (visitorId === hostId) return 'self';
  const current = rounds.find((r) => r.round === round);
  if (current?.consults.some((c) => c.hostId === visitorId && c.visitorIds.length > 0)) return 'isHost';
  const there = current?.consults.find((c) => c.hostId === hostId);
  const others = (there?.visitorIds ?? []).filter((v) => v !== visitorId);
  if (others.length >= cap) return 'full';
  const metBefore = rounds.some(
    (r) =>
      r.round !== round &&
      r.consults.some(
        (c) =>
          (c.hostId === hostId && c.visitorIds.includes(visitorId)) ||
          (c.hostId === visitorId && c.visitorIds.includes(hostId)),
      ),
  );
  return metBefore ? 'metBefore' : null;
}

/** Free mode: the round with `visitorId` signed up at `hostId` (moved there if it had signed up elsewhere). */
export function signUp(round: ConsultRound, visitorId: string, hostId: string): ConsultRound {
  const consults = round.consults
    .map((c) => ({ ...c, visitorIds: c.visitorIds.filter((v) => v !== visitorId) }))
    .filter((c) => c.visitorIds.length > 0 || c.hostId === hostId);
  const there = consults.find((c) => c.hostId === hostId);
  if (there) there.visitorIds.push(visitorId);
  else consults.push({ hostId, visitorIds: [visitorId] });
  return { ...round, consults, idle: round.idle.filter((i) => i !== visitorId) };
}
