import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JOIN_CODE_ALPHABET, newId, newJoinCode, normaliseJoinCode } from '../../shared/ids';
import { docAccess, parseDocName, type Principal } from '../../shared/roles';
import { currentSession, initControl, readControl } from '../../shared/controlDoc';
import { addItem, isVisible, patchItem, readItems } from '../../shared/boardDoc';
import { DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../../shared/template';
import { commandSchema, createWorkshopBody, joinBody } from '../../shared/protocol';
import { EXERCISE_KINDS, programmeSchema } from '../../shared/programme';
import { exerciseFor } from '../../shared/exercises/registry';

describe('join codes', () => {
  it('are six characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
    for (const ch of '0O1IL5S2Z8B') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });
  it('forgive case, spaces and dashes but refuse impossible codes', () => {
    expect(normaliseJoinCode(' ac-dEf 3 ')).toBe('ACDEF3');
    expect(normaliseJoinCode('ACDEF')).toBeNull();
    expect(normaliseJoinCode('ACDEF0')).toBeNull();
  });
  it('ids are url-safe and distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('i')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^i[a-z0-9]{14}$/);
  });
});

describe('document permissions (DESIGN.md §3)', () => {
  const p = (role: Principal['role'], participantId?: string): Principal => ({ workshopId: 'w', role, participantId });
  it('matches the table', () => {
    const table = {
      facilitator: { control: 'read', board: 'write', research: 'write', own: 'read' },
      researcher: { control: 'read', board: 'write', research: 'write', own: 'read' },
      participant: { control: 'read', board: 'write', research: 'none', own: 'write' },
      screen: { control: 'read', board: 'read', research: 'none', own: 'none' },
    } as const;
    for (const [role, docs] of Object.entries(table)) {
      for (const [doc, access] of Object.entries(docs)) {
        expect(docAccess(p(role as Principal['role'], 'me'), doc as 'board', 'me'), `${role} on ${doc}`).toBe(access);
      }
    }
  });
  it("keeps another participant's own document closed", () => {
    expect(docAccess(p('participant', 'me'), 'own', 'you')).toBe('none');
  });
  it('parses document names', () => {
    expect(parseDocName('board')).toEqual({ kind: 'board' });
    expect(parseDocName('own/p123')).toEqual({ kind: 'own', ownerId: 'p123' });
    expect(parseDocName('own/../x')).toBeNull();
    expect(parseDocName('secrets')).toBeNull();
  });
});

describe('template', () => {
  it('is a valid programme of the two days in the order of the source', () => {
    expect(programmeSchema.safeParse(DEFAULT_PROGRAMME).success).toBe(true);
    expect(DEFAULT_PROGRAMME.map((s) => s.kind)).toEqual([
      'opening',
      'pitch',
      'framework',
      'strengths',
      'tree',
      'prejudiceGame',
      'vision',
      'roleMarket',
      'consult',
      'actionPlan',
      'closing',
    ]);
    expect(new Set(DEFAULT_PROGRAMME.map((s) => s.id)).size).toBe(DEFAULT_PROGRAMME.length);
    expect(TEMPLATE_SOURCE).toMatch(/Ponzoni.*Distelbrink.*2016/);
  });
  it('gives every kind its own module, except the opening, which runs as a note wall', () => {
    for (const k of EXERCISE_KINDS) expect(exerciseFor(k).kind).toBe(k === 'opening' ? 'noteWall' : k);
  });
});

describe('control document', () => {
  it('starts at the first session with an idle timer of its planned length', () => {
    const doc = new Y.Doc();
    initControl(doc, {
      meta: {
        title: 'T',
        joinCode: 'ACDEFG',
        joinOpen: true,
        consentText: { nl: 'ja', en: 'yes' },
        source: TEMPLATE_SOURCE,
        createdAt: 1,
      },
      programme: DEFAULT_PROGRAMME,
      groups: [
        { id: 'g1', name: 'Utrecht' },
        { id: 'g2', name: 'Zaandam' },
      ],
    });
    const c = readControl(doc);
    expect(currentSession(c)?.id).toBe('opening');
    expect(c.state?.timer).toEqual({ durationMs: 20 * 60_000, endsAt: null, remainingMs: 20 * 60_000 });
    expect(c.groups.map((g) => g.name)).toEqual(['Utrecht', 'Zaandam']);
  });
});

describe('board items', () => {
  it('round-trip through two docs and keep hidden items out of view', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    a.transact(() =>
      addItem(a, {
        id: 'i1',
        kind: 'note',
        sessionId: 's',
        groupId: null,
        authorId: 'p1',
        createdAt: 1,
        updatedAt: 1,
        text: 'hoi',
      }),
    );
    expect(readItems(b)).toHaveLength(1);
    expect(patchItem(a, 'i1', { hidden: true }, 5)).toBe(true);
    expect(patchItem(a, 'nope', { hidden: true }, 5)).toBe(false);
    const [item] = readItems(b);
    expect(item).toMatchObject({ hidden: true, updatedAt: 5, text: 'hoi' });
    expect(isVisible(item!)).toBe(false);
  });
});

describe('protocol schemas', () => {
  it('accept good commands and refuse bad ones', () => {
    expect(commandSchema.safeParse({ type: 'timer.extend', seconds: 60 }).success).toBe(true);
    expect(commandSchema.safeParse({ type: 'timer.extend', seconds: 1e9 }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'session.goto', sessionId: '../x' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'drop.tables' }).success).toBe(false);
  });
  it('validate REST bodies', () => {
    expect(createWorkshopBody.safeParse({ title: 'W', groups: ['A'] }).success).toBe(true);
    expect(createWorkshopBody.safeParse({ title: 'W', groups: [] }).success).toBe(false);
    const join = { code: 'ACDEFG', name: 'A', groupId: 'g1', side: 'formal', consent: true };
    expect(joinBody.safeParse(join).success).toBe(true);
    expect(joinBody.safeParse({ ...join, consent: false }).success).toBe(false);
    expect(joinBody.safeParse({ ...join, name: ' '.repeat(5) }).success).toBe(false);
  });
});
