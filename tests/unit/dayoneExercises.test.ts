import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, readItems, type Item } from '../../shared/boardDoc';
import { FORMAL_ROLES, SOURCE_ROLES } from '../../shared/catalogue/roles';
import { tallyAnswers, sessionStatements } from '../../shared/exercises/prejudiceGame/tally';
import { DEFAULT_STATEMENTS } from '../../shared/exercises/prejudiceGame/statements';
import { ROLE_PROPOSAL, STRENGTH, strengthsPhase } from '../../shared/exercises/strengths';
import { readRoleCatalogue, ROLE_CATALOGUE_ABOUT, roleCatalogueFor } from '../../shared/exercises/strengths/catalogue';
import { roleMarketCards } from '../../shared/exercises/roleMarket';
import { mergeItems, mergeRecord, provenance, splitItem, undoMerge } from '../../shared/exercises/strengths/merge';
import { makeWorkGroups, mixedGroups, moveMember, type Groupable } from '../../shared/exercises/tree/mixedGroups';
import { TEMPLATE_SOURCE } from '../../shared/template';

/** 20 people as in the demo: five cooperations, two formal and two informal each. */
const room = (coops = 5, perSide = 2): Groupable[] =>
  Array.from({ length: coops }, (_, c) =>
    Array.from({ length: perSide * 2 }, (_, i) => ({
      id: `p${c}-${i}`,
      side: i < perSide ? ('formal' as const) : ('informal' as const),
      cooperationId: `coop${c}`,
    })),
  ).flat();

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('mixed groups', () => {
  it('balances size, side and cooperation for many seeds', () => {
    for (const [people, size] of [
      [room(), 4],
      [room(5, 2), 5],
      [room(3, 3), 4],
      [room(4, 1).concat(room(1, 3).map((p) => ({ ...p, id: `x${p.id}`, cooperationId: 'big' }))), 3],
    ] as Array<[Groupable[], number]>) {
      for (let seed = 0; seed < 20; seed++) {
        const groups = mixedGroups(people, size, seed);
        expect(
          groups
            .flat()
            .map((p) => p.id)
            .sort(),
        ).toEqual(people.map((p) => p.id).sort());
        const k = groups.length;
        expect(spread(groups.map((g) => g.length))).toBeLessThanOrEqual(1);
        expect(spread(groups.map((g) => g.filter((p) => p.side === 'formal').length))).toBeLessThanOrEqual(1);
        const coops = new Set(people.map((p) => p.cooperationId));
        for (const c of coops) {
          const total = people.filter((p) => p.cooperationId === c).length;
          for (const g of groups)
            expect(g.filter((p) => p.cooperationId === c).length).toBeLessThanOrEqual(Math.ceil(total / k));
        }
      }
    }
  });

  it('twenty people of five cooperations: five groups, each two formal, two informal, four cooperations', () => {
    const groups = mixedGroups(room(), 4, 7);
    expect(groups).toHaveLength(5);
    for (const g of groups) {
      expect(g.filter((p) => p.side === 'formal')).toHaveLength(2);
      expect(new Set(g.map((p) => p.cooperationId)).size).toBe(4);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const people = room();
    const ids = (seed: number) => mixedGroups(people, 4, seed).map((g) => g.map((p) => p.id));
    expect(ids(42)).toEqual(ids(42));
    // Input order does not matter either.
    expect(mixedGroups([...people].reverse(), 4, 42).map((g) => g.map((p) => p.id))).toEqual(ids(42));
    expect(new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(ids(s)))).size).toBeGreaterThan(1);
  });

  it('moves one person by hand', () => {
    const groups = makeWorkGroups(room(), 4, 3);
    const who = groups[0]!.members[0]!;
    const moved = moveMember(groups, who, groups[1]!.id);
    expect(moved[0]!.members).not.toContain(who);
    expect(moved[1]!.members).toContain(who);
    expect(moved.flatMap((g) => g.members)).toHaveLength(20);
  });
});

const strength = (id: string, authorId: string, createdAt: number): Item => ({
  id,
  kind: STRENGTH,
  sessionId: 's',
  groupId: null,
  authorId,
  createdAt,
  updatedAt: createdAt,
  text: `kracht ${id}`,
  dimension: 'knowledge',
  aboutSide: 'formal',
});

describe('merging strengths', () => {
  it('keeps every author and time, also through a chain of merges', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      addItem(doc, strength('a', 'p1', 1));
      addItem(doc, strength('b', 'p2', 2));
      addItem(doc, strength('c', 'p3', 3));
    });
    doc.transact(() => expect(mergeItems(doc, 'b', 'a', 10)).toBe(true));
    doc.transact(() => expect(mergeItems(doc, 'a', 'c', 11)).toBe(true));
    const items = readItems(doc);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.a!.mergedInto).toBe('c');
    expect(byId.b!.mergedInto).toBe('c');
    expect(byId.c!.mergedFrom).toEqual(['a', 'b']);
    // Nothing is deleted: each merged item keeps its own text, author and time.
    expect(byId.b).toMatchObject({ text: 'kracht b', authorId: 'p2', createdAt: 2 });
    expect(provenance(items, 'c')).toEqual([
      { id: 'c', authorId: 'p3', createdAt: 3 },
      { id: 'a', authorId: 'p1', createdAt: 1 },
      { id: 'b', authorId: 'p2', createdAt: 2 },
    ]);
    doc.transact(() => expect(mergeItems(doc, 'c', 'c', 12)).toBe(false));
    doc.transact(() => expect(mergeItems(doc, 'x', 'c', 12)).toBe(false));
  });

  it('undoes a merge exactly, also one that carried earlier merges along, and splits one item off', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const [id, by, at] of [
        ['a', 'p1', 1],
        ['b', 'p2', 2],
        ['c', 'p3', 3],
        ['d', 'p4', 4],
      ] as const)
        addItem(doc, strength(id, by, at));
      addItem(doc, { ...strength('v', 'p5', 5), kind: 'plusOne', targetId: 'a' });
    });
    const snapshot = () =>
      Object.fromEntries(
        readItems(doc).map((i) => [i.id, { mergedInto: i.mergedInto ?? null, mergedFrom: i.mergedFrom ?? [] }]),
      );
    doc.transact(() => mergeItems(doc, 'b', 'a', 10));
    doc.transact(() => mergeItems(doc, 'd', 'c', 11));
    const before = snapshot();
    const rec = mergeRecord(doc, 'a', 'c')!;
    expect(rec).toEqual({ sourceId: 'a', targetId: 'c', carried: ['b'] });
    doc.transact(() => mergeItems(doc, 'a', 'c', 12));
    expect(snapshot().c!.mergedFrom).toEqual(['d', 'a', 'b']);
    doc.transact(() => expect(undoMerge(doc, rec, 13)).toBe(true));
    expect(snapshot()).toEqual(before);
    // The +1 on "a" was never touched: it counts for "a" again.
    expect(readItems(doc).find((i) => i.id === 'v')).toMatchObject({ targetId: 'a' });
    // Undoing twice does nothing.
    doc.transact(() => expect(undoMerge(doc, rec, 14)).toBe(false));
    // Splitting one item off: it shows again, the other stays merged.
    doc.transact(() => expect(splitItem(doc, 'd', 15)).toBe(true));
    expect(snapshot().d).toEqual({ mergedInto: null, mergedFrom: [] });
    expect(snapshot().c!.mergedFrom).toEqual([]);
    expect(snapshot().b).toEqual({ mergedInto: 'a', mergedFrom: [] });
    doc.transact(() => expect(splitItem(doc, 'd', 16)).toBe(false));
  });

  it('treats the session start phase as the first step', () => {
    expect(strengthsPhase('main')).toBe('kracht');
    expect(strengthsPhase('rollen')).toBe('rollen');
  });
});

describe('role catalogue', () => {
  const proposal = (id: string, name: string, side = 'informal'): Item => ({
    id,
    kind: ROLE_PROPOSAL,
    sessionId: 'krachten-rollen',
    groupId: null,
    authorId: 'p1',
    createdAt: 1,
    updatedAt: 1,
    name,
    description: `${name} doet iets`,
    side,
    strengthIds: [],
  });

  it('starts with Figuur 3 and 4 and names the source', () => {
    const cat = readRoleCatalogue([], {});
    expect(cat).toEqual(SOURCE_ROLES);
    expect(cat.filter((r) => r.side === 'formal')).toHaveLength(FORMAL_ROLES.length);
    expect(ROLE_CATALOGUE_ABOUT.nl).toContain(TEMPLATE_SOURCE);
  });

  it('adds accepted proposals with renames and merges applied', () => {
    const items = [proposal('r1', 'Brugbouwer'), proposal('r2', 'Wegwijzer', 'formal'), proposal('r3', 'Niet gekozen')];
    const cat = readRoleCatalogue(items, {
      acceptedRoles: ['r1', 'r2'],
      roleNames: { r1: 'De brugbouwer', fixer: 'Regelaar' },
      roleMerges: { r2: 'networker' },
    });
    expect(cat.find((r) => r.id === 'r1')).toMatchObject({ name: { nl: 'De brugbouwer' }, side: 'informal' });
    expect(cat.find((r) => r.id === 'fixer')?.name.nl).toBe('Regelaar');
    expect(cat.some((r) => r.id === 'r2' || r.id === 'r3')).toBe(false);
    expect(cat).toHaveLength(SOURCE_ROLES.length + 1);
    // Another session's proposals are left out when a session is given.
    expect(readRoleCatalogue(items, { acceptedRoles: ['r1'] }, 'other')).toHaveLength(SOURCE_ROLES.length);
  });

  it('is found from the programme for day two', () => {
    const items = [proposal('r1', 'Brugbouwer')];
    const programme = [
      { id: 'opening', kind: 'opening' },
      { id: 'krachten-rollen', kind: 'strengths' },
    ];
    const cat = roleCatalogueFor(items, programme, { 'krachten-rollen': { acceptedRoles: ['r1'] } });
    expect(cat.map((r) => r.id)).toContain('r1');
    expect(roleCatalogueFor(items, [{ id: 'opening', kind: 'opening' }], {})).toEqual(SOURCE_ROLES);
  });

  it("puts day one's accepted roles on day two's market, and says so on the about line", () => {
    const programme = [{ id: 'krachten-rollen', kind: 'strengths' }];
    const market = roleMarketCards(
      roleCatalogueFor([proposal('r1', 'Brugbouwer')], programme, { 'krachten-rollen': { acceptedRoles: ['r1'] } }),
    );
    expect(market.cards.map((c) => c.name.nl)).toContain('Brugbouwer');
    expect(market.cards).toHaveLength(SOURCE_ROLES.length + 1);
    expect(market.about.nl).toContain('1 rollen benoemd op dag één');
  });
});

describe('prejudice game', () => {
  it('tallies answers per side and lists the source statements first', () => {
    const answer = (id: string, side: string, value: number, statementId = 'bron-1'): Item => ({
      id,
      kind: 'prejudiceAnswer',
      sessionId: 's',
      groupId: null,
      authorId: null,
      createdAt: 0,
      updatedAt: 0,
      statementId,
      side,
      value,
    });
    const items = [
      answer('1', 'formal', 5),
      answer('2', 'formal', 5),
      answer('3', 'informal', 1),
      answer('4', 'informal', 3, 'bron-2'),
    ];
    expect(tallyAnswers(items, 's', 'bron-1')).toEqual({ formal: [0, 0, 0, 0, 2], informal: [1, 0, 0, 0, 0] });
    const statements = sessionStatements(
      [
        {
          id: 'st1',
          kind: 'prejudiceStatement',
          sessionId: 's',
          groupId: null,
          authorId: null,
          createdAt: 1,
          updatedAt: 1,
          text: 'Nieuw',
        },
      ],
      's',
    );
    expect(statements.map((s) => s.id)).toEqual([...DEFAULT_STATEMENTS.map((s) => s.id), 'st1']);
    expect(DEFAULT_STATEMENTS[0]!.source).toContain('Vertrouwen');
  });
});
