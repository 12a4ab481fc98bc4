import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SOURCE_ROLES } from '../../shared/catalogue/roles';
import { DEFAULT_CODEBOOK, OWN_CODES_CATEGORY } from '../../shared/research/codebook';
import { workGroupsOf } from '../../shared/research/workGroups';
import {
  putCode,
  putObservation,
  readCodebook,
  readObservations,
  seedCodebook,
} from '../../shared/research/researchDoc';

describe('default codebook', () => {
  it('holds the source’s dimensions, roles, perspectives, forms and conditions, each naming the source', () => {
    const ids = DEFAULT_CODEBOOK.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const under = (cat: string) => DEFAULT_CODEBOOK.filter((c) => c.parentId === cat);
    expect(under('strength').map((c) => c.name)).toEqual([
      'Kennis en begrip',
      'Vaardigheden',
      'Positie',
      'Macht en middelen',
    ]);
    expect(under('role')).toHaveLength(SOURCE_ROLES.length);
    expect(under('perspective').map((c) => c.id)).toEqual(
      expect.arrayContaining(['perspective:accessibility', 'perspective:civil-society']),
    );
    expect(under('form')).toHaveLength(7);
    expect(under('condition').length).toBeGreaterThanOrEqual(15);
    for (const c of DEFAULT_CODEBOOK) {
      if (c.id !== OWN_CODES_CATEGORY) expect(c.source, c.id).toMatch(/Ponzoni/);
      if (c.parentId) expect(ids).toContain(c.parentId);
      expect(c.codable).toBe(c.parentId !== null);
    }
  });

  it('seeds idempotently and keeps researchers’ own codes after the source’s', () => {
    const doc = new Y.Doc();
    seedCodebook(doc, 1);
    putCode(doc, {
      id: 'c1',
      name: 'Humor',
      parentId: OWN_CODES_CATEGORY,
      codable: true,
      source: 'researcher',
      order: 10_000,
      createdAt: 2,
    });
    seedCodebook(doc, 3);
    const codes = readCodebook(doc);
    expect(codes).toHaveLength(DEFAULT_CODEBOOK.length + 1);
    expect(codes.at(-1)?.id).toBe('c1');
    expect(codes[0]?.createdAt).toBe(1);
  });

  it('keeps observations in observed-time order, an edit replacing the note', () => {
    const doc = new Y.Doc();
    const base = {
      researcherName: 'R',
      sessionId: 's',
      groupId: null,
      speakers: [],
      codes: [],
      quote: false,
      links: [],
      createdAt: 0,
      updatedAt: 0,
    };
    putObservation(doc, { ...base, id: 'b', time: 20, text: 'later' });
    putObservation(doc, { ...base, id: 'a', time: 10, text: 'eerst' });
    putObservation(doc, { ...base, id: 'b', time: 20, text: 'later, bewerkt', updatedAt: 5 });
    expect(readObservations(doc).map((o) => o.text)).toEqual(['eerst', 'later, bewerkt']);
  });
});

describe('work groups in exercise state', () => {
  it('finds every {id, name, members} however deep, once', () => {
    const state = {
      mode: 'mixed',
      groups: [
        { id: 'mix-1', name: 'Groep 1', members: ['p1', 'p2'] },
        { id: 'mix-2', name: 'Groep 2', members: ['p3'] },
      ],
      rounds: [{ pairs: [{ id: 'mix-1', name: 'Groep 1', members: ['p1', 'p2'] }] }],
      roles: [{ id: 'r', name: { nl: 'x', en: 'x' } }],
    };
    expect(workGroupsOf(state).map((g) => g.id)).toEqual(['mix-1', 'mix-2']);
    expect(workGroupsOf(undefined)).toEqual([]);
  });
});
