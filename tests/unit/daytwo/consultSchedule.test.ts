import { describe, expect, it } from 'vitest';
import {
  consultSchedule,
  defaultConsultRounds,
  maxConsultRounds,
  partInRound,
  signUp,
  signUpRefusal,
  type ConsultRound,
} from '../../../shared/exercises/consult/schedule';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
const pairsOf = (rounds: ConsultRound[]) =>
  rounds.flatMap((r) => r.consults.flatMap((c) => c.visitorIds.map((v) => [c.hostId, v].sort().join('|'))));
/** The host and first visitor of every consult: the round-robin pairs, which never repeat. */
const basePairsOf = (rounds: ConsultRound[]) =>
  rounds.flatMap((r) => r.consults.map((c) => [c.hostId, c.visitorIds[0]!].sort().join('|')));
const tally = (rounds: ConsultRound[]) => {
  const hosted = new Map<string, number>();
  const visited = new Map<string, number>();
  for (const r of rounds)
    for (const c of r.consults) {
      hosted.set(c.hostId, (hosted.get(c.hostId) ?? 0) + 1);
      for (const v of c.visitorIds) visited.set(v, (visited.get(v) ?? 0) + 1);
    }
  return { hosted, visited };
};

describe('consult schedule', () => {
  // Property-based over every size a workshop can have and every possible number of rounds.
  for (let n = 2; n <= 14; n++) {
    it(`holds its promises for ${n} cooperations, every number of rounds`, () => {
      for (let rounds = 1; rounds <= maxConsultRounds(n); rounds++) {
        const s = consultSchedule(ids(n), rounds);
        expect(s).toHaveLength(rounds);
        const pairs = basePairsOf(s);
        expect(new Set(pairs).size, `no round-robin pair repeats (n=${n}, rounds=${rounds})`).toBe(pairs.length);
        if (n % 2 === 0) expect(new Set(pairsOf(s)).size).toBe(pairsOf(s).length);
        const hosted = new Map<string, number>();
        const visited = new Map<string, number>();
        for (const r of s) {
          const seen = r.consults.flatMap((c) => [c.hostId, ...c.visitorIds]).concat(r.idle);
          expect(new Set(seen).size, 'each cooperation once per round').toBe(seen.length);
          expect(seen.sort()).toEqual(ids(n).sort());
          expect(r.idle, 'nobody sits out').toEqual([]);
          for (const c of r.consults) {
            hosted.set(c.hostId, (hosted.get(c.hostId) ?? 0) + 1);
            for (const v of c.visitorIds) visited.set(v, (visited.get(v) ?? 0) + 1);
          }
        }
        const h = ids(n).map((id) => hosted.get(id) ?? 0);
        expect(Math.max(...h) - Math.min(...h), `hosting balanced (n=${n}, rounds=${rounds})`).toBeLessThanOrEqual(1);
        const part = ids(n).map((id) => (hosted.get(id) ?? 0) + (visited.get(id) ?? 0));
        expect(Math.max(...part) - Math.min(...part), 'taking part balanced').toBeLessThanOrEqual(1);
      }
    });
  }

  // The default plan: everyone hosts and visits, nobody idles, in as few rounds as that allows.
  for (let n = 2; n <= 14; n++) {
    it(`default plan for ${n} cooperations: everyone hosts and visits, nobody is idle`, () => {
      const rounds = defaultConsultRounds(n);
      // A round has at most ⌊n/2⌋ hosts and each cooperation one part per round: no fewer rounds can do it.
      expect(rounds).toBe(Math.max(2, Math.ceil(n / Math.floor(n / 2))));
      const s = consultSchedule(ids(n), rounds);
      expect(s).toHaveLength(rounds);
      const { hosted, visited } = tally(s);
      for (const id of ids(n)) {
        expect(hosted.get(id) ?? 0, `${id} hosts (n=${n})`).toBeGreaterThanOrEqual(1);
        expect(visited.get(id) ?? 0, `${id} visits (n=${n})`).toBeGreaterThanOrEqual(1);
      }
      expect(s.flatMap((r) => r.idle)).toEqual([]);
      for (const r of s) {
        const seen = r.consults.flatMap((c) => [c.hostId, ...c.visitorIds]);
        expect(seen.sort()).toEqual(ids(n).sort());
        for (const c of r.consults) expect(c.visitorIds.length).toBeGreaterThanOrEqual(1);
      }
      // With four or more, the round-robin pairs stay unique; with an even number no pair meets twice at all.
      if (n >= 4) expect(new Set(basePairsOf(s)).size).toBe(basePairsOf(s).length);
      if (n >= 4 && n % 2 === 0) expect(new Set(pairsOf(s)).size).toBe(pairsOf(s).length);
    });
  }

  it('works for three cooperations: the left-over joins as a second visitor when that pair is new', () => {
    const s = consultSchedule(['Utrecht', 'Zaandam', 'Dordrecht'], 1);
    expect(s[0]!.consults).toHaveLength(1);
    expect(s[0]!.consults[0]!.visitorIds).toHaveLength(2);
    expect(s[0]!.idle).toEqual([]);
  });

  it('caps the rounds at the most that keep pairs unique, and needs two cooperations', () => {
    expect(consultSchedule(ids(4), 10)).toHaveLength(3);
    expect(consultSchedule(ids(5), 10)).toHaveLength(5);
    expect(consultSchedule(ids(1), 2)).toEqual([]);
  });

  it('tells each cooperation its part in a round', () => {
    const [r1] = consultSchedule(['a', 'b'], 1);
    const host = r1!.consults[0]!.hostId;
    const visitor = host === 'a' ? 'b' : 'a';
    expect(partInRound(r1, host)).toEqual({ role: 'host', visitorIds: [visitor] });
    expect(partInRound(r1, visitor)).toEqual({ role: 'visit', hostId: host, otherVisitorIds: [] });
    expect(partInRound(r1, 'c')).toEqual({ role: 'idle' });
  });

  it('free mode: sign-ups respect the cap, refuse yourself and pairs that met before', () => {
    let r1: ConsultRound = { round: 1, consults: [], idle: [] };
    expect(signUpRefusal([r1], 1, 'a', 'a', 1)).toBe('self');
    r1 = signUp(r1, 'a', 'b');
    expect(signUpRefusal([r1], 1, 'c', 'b', 1)).toBe('full');
    expect(signUpRefusal([r1], 1, 'c', 'b', 2)).toBeNull();
    expect(signUpRefusal([r1], 1, 'b', 'c', 2)).toBe('isHost');
    const r2: ConsultRound = { round: 2, consults: [], idle: [] };
    expect(signUpRefusal([r1, r2], 2, 'b', 'a', 2)).toBe('metBefore');
    // Moving a sign-up leaves the old host without visitors.
    r1 = signUp(r1, 'a', 'c');
    expect(r1.consults).toEqual([{ hostId: 'c', visitorIds: ['a'] }]);
  });
});
