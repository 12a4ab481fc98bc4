import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { type CommandType, type CreateWorkshopResponse, type JoinResponse } from '../../shared/protocol';
import { DEFAULT_PROGRAMME } from '../../shared/template';
import { api, createWorkshop, ioClient, joinAs, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/** Everyone who might knock: the roles, two cooperations' participants, no token, and a token that was rotated. */
const WHO = ['facilitator', 'researcher', 'participantA', 'participantB', 'screen', 'none', 'rotated'] as const;
type Who = (typeof WHO)[number];

interface Setup {
  w: CreateWorkshopResponse;
  a: JoinResponse;
  b: JoinResponse;
  spare: JoinResponse;
  token: string;
}

/** A valid payload for every command: adding a command without a row here fails to compile. */
const COMMANDS = {
  'session.next': () => ({}),
  'session.previous': () => ({}),
  'session.goto': () => ({ sessionId: 'opening' }),
  'phase.set': () => ({ phase: 'main' }),
  'timer.start': () => ({ minutes: 1 }),
  'timer.pause': () => ({}),
  'timer.extend': () => ({ seconds: 30 }),
  'timer.reset': () => ({}),
  'input.lock': () => ({ locked: false }),
  'spotlight.set': () => ({ itemId: null }),
  'join.open': () => ({ open: true }),
  'participant.move': (s) => ({ participantId: s.spare.participantId, groupId: s.w.groups[1]!.id }),
  'participant.rename': (s) => ({ participantId: s.spare.participantId, name: 'Reserve' }),
  'group.add': () => ({ name: 'Extra' }),
  'group.rename': (s) => ({ groupId: s.w.groups[2]!.id, name: 'Dordrecht' }),
  'group.remove': () => ({ groupId: 'gnotthere' }),
  'programme.set': () => ({ programme: DEFAULT_PROGRAMME }),
  'workshop.update': () => ({ title: 'Testwerkplaats' }),
  'ready.set': () => ({ ready: true }),
  'hand.raise': () => ({ raised: true }),
  'consent.agree': () => ({ version: 1 }),
  'hand.lower': (s) => ({ participantId: s.a.participantId }),
  summon: () => ({ itemId: null }),
  'private.set': () => ({ on: false }),
  reveal: () => ({}),
  'timer.sound': () => ({ on: false }),
  'vote.open': () => ({ voting: null }),
  'vote.cast': () => ({ targetId: 'inothere', delta: 1 }),
  exercise: () => ({ sessionId: 'opening', action: 'unknown', payload: {} }),
  'screen.page': () => ({ delta: 1 }),
  'screen.pause': () => ({ paused: false }),
  'screen.focus': () => ({ focusId: null }),
  'screen.join': () => ({ size: 'auto' }),
} satisfies Record<CommandType, (s: Setup) => Record<string, unknown>>;

/** The commands a participant sends for themselves (ready, hand, consent, a dot); everything else but `exercise` is staff's. */
const PARTICIPANT_COMMANDS: CommandType[] = ['ready.set', 'hand.raise', 'consent.agree', 'vote.cast'];
const STAFF_COMMAND = Object.keys(COMMANDS).filter(
  (c) => c !== 'exercise' && !PARTICIPANT_COMMANDS.includes(c as CommandType),
) as CommandType[];
/** Who may send a command (and so is not answered `forbidden`/refused at connect). */
const commandAllowed = (who: Who, type: CommandType): boolean => {
  const participant = who === 'participantA' || who === 'participantB';
  if (type === 'exercise') return participant || who === 'facilitator' || who === 'researcher';
  if (PARTICIPANT_COMMANDS.includes(type)) return participant;
  return who === 'facilitator';
};

type Access = 'none' | 'read' | 'write';
/** The document table of docs/SECURITY.md, written out rather than computed, so the test checks the code. */
const DOCS: Record<string, Record<Who, Access>> = {
  control: {
    facilitator: 'read',
    researcher: 'read',
    participantA: 'read',
    participantB: 'read',
    screen: 'read',
    none: 'none',
    rotated: 'none',
  },
  board: {
    facilitator: 'write',
    researcher: 'write',
    participantA: 'write',
    participantB: 'write',
    screen: 'read',
    none: 'none',
    rotated: 'none',
  },
  research: {
    facilitator: 'write',
    researcher: 'write',
    participantA: 'none',
    participantB: 'none',
    screen: 'none',
    none: 'none',
    rotated: 'none',
  },
  ownA: {
    facilitator: 'read',
    researcher: 'read',
    participantA: 'write',
    participantB: 'none',
    screen: 'none',
    none: 'none',
    rotated: 'none',
  },
};

/** REST routes: request and the status each caller gets. */
const ROUTES: Array<{ name: string; call: (url: string, s: Setup) => Promise<number>; expect: Record<Who, number> }> = [
  {
    name: 'GET /api/me',
    call: async (url, s) => (await api(url, '/api/me', { token: s.token })).status,
    expect: {
      facilitator: 200,
      researcher: 200,
      participantA: 200,
      participantB: 200,
      screen: 200,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'GET /api/workshops/:id/links',
    call: async (url, s) => (await api(url, `/api/workshops/${s.w.id}/links`, { token: s.token })).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'POST /api/workshops (organiser key only)',
    call: async (url, s) =>
      (await api(url, '/api/workshops', { token: s.token, body: { title: 'x', groups: ['a'] } })).status,
    expect: {
      facilitator: 403,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 403,
    },
  },
  {
    name: 'GET /api/workshops (organiser key only)',
    call: async (url, s) => (await api(url, '/api/workshops', { token: s.token })).status,
    expect: {
      facilitator: 403,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 403,
    },
  },
  {
    name: 'POST /api/workshops/:id/facilitator-link (organiser key only)',
    call: async (url, s) =>
      (await api(url, `/api/workshops/${s.w.id}/facilitator-link`, { method: 'POST', token: s.token })).status,
    expect: {
      facilitator: 403,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 403,
    },
  },
  {
    name: 'GET /api/join/:code (public)',
    call: async (url, s) => (await api(url, `/api/join/${s.w.joinCode}`, { token: s.token })).status,
    expect: {
      facilitator: 200,
      researcher: 200,
      participantA: 200,
      participantB: 200,
      screen: 200,
      none: 200,
      rotated: 200,
    },
  },
  {
    name: 'POST /api/workshops/:id/participants/:p/revoke',
    call: async (url, s) =>
      (
        await api(url, `/api/workshops/${s.w.id}/participants/${s.spare.participantId}/revoke`, {
          token: s.token,
          body: {},
        })
      ).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'POST /api/workshops/:id/links/rotate',
    call: async (url, s) =>
      (await api(url, `/api/workshops/${s.w.id}/links/rotate`, { token: s.token, body: { roles: ['screen'] } })).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'GET /api/workshops/:id/export?names=real',
    call: async (url, s) =>
      (
        await fetch(`${url}/api/workshops/${s.w.id}/export?format=json&names=real`, {
          headers: s.token ? { authorization: `Bearer ${s.token}` } : {},
        })
      ).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'POST /api/workshops/:id/participants/:p/erase',
    call: async (url, s) =>
      (
        await api(url, `/api/workshops/${s.w.id}/participants/${s.spare.participantId}/erase`, {
          token: s.token,
          body: {},
        })
      ).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'POST /api/workshops/:id/participants/:p/link',
    call: async (url, s) =>
      (await api(url, `/api/workshops/${s.w.id}/participants/${s.a.participantId}/link`, { token: s.token, body: {} }))
        .status,
    expect: {
      facilitator: 201,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  {
    name: 'POST /api/workshops/:id/participants/:p/merge',
    call: async (url, s) => {
      // A second registration of the same person, merged into Aïcha.
      const twin = await joinAs(url, s.w, 'Aïcha', 0);
      return (
        await api(url, `/api/workshops/${s.w.id}/participants/${twin.participantId}/merge`, {
          token: s.token,
          body: { into: s.a.participantId },
        })
      ).status;
    },
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
  // Last: it deletes the caller's workshop.
  {
    name: 'DELETE /api/workshops/:id',
    call: async (url, s) => (await api(url, `/api/workshops/${s.w.id}`, { method: 'DELETE', token: s.token })).status,
    expect: {
      facilitator: 200,
      researcher: 403,
      participantA: 403,
      participantB: 403,
      screen: 403,
      none: 401,
      rotated: 401,
    },
  },
];

describe('authorisation matrix: every caller × every command, document and route', () => {
  let server: TestServer;
  const setups = new Map<Who, Setup>();

  beforeAll(async () => {
    server = await startServer();
    for (const who of WHO) {
      const w = await createWorkshop(server.url, server.organiserKey);
      const a = await joinAs(server.url, w, 'Aïcha', 0);
      const b = await joinAs(server.url, w, 'Bert', 1);
      const spare = await joinAs(server.url, w, 'Reserve', 0);
      let token = '';
      if (who === 'facilitator' || who === 'researcher' || who === 'screen') token = w.tokens[who];
      if (who === 'participantA') token = a.token;
      if (who === 'participantB') token = b.token;
      if (who === 'rotated') {
        token = w.tokens.facilitator;
        const r = await api(server.url, `/api/workshops/${w.id}/links/rotate`, {
          token,
          body: { roles: ['facilitator', 'screen', 'researcher'] },
        });
        expect(r.status).toBe(200);
      }
      setups.set(who, { w, a, b, spare, token });
    }
  });
  afterAll(() => server.close());

  describe.each(WHO)('%s', (who) => {
    it('commands', async () => {
      const s = setups.get(who)!;
      const c = ioClient(server.url, s.token);
      try {
        if (who === 'none' || who === 'rotated') {
          await expect(c.connected()).rejects.toThrow('unauthorised');
          return;
        }
        await c.connected();
        for (const [type, payload] of Object.entries(COMMANDS) as Array<[CommandType, (s: Setup) => object]>) {
          const ack = await c.command({ type, ...payload(s) });
          const refused = !ack.ok && ack.error.code === 'forbidden';
          expect(refused, `${who} ${type}: ${JSON.stringify(ack)}`).toBe(!commandAllowed(who, type));
        }
        expect(STAFF_COMMAND.length).toBeGreaterThan(10);
      } finally {
        c.close();
      }
    });

    it.each(Object.keys(DOCS))('document %s', async (docKey) => {
      const s = setups.get(who)!;
      const expected = DOCS[docKey]![who];
      const docName = docKey === 'ownA' ? `own/${s.a.participantId}` : docKey;
      const c = yClient(server.url, s.w.id, docName, s.token);
      try {
        if (expected === 'none') {
          await waitFor(() => c.closes.length > 0);
          expect([4401, 4403]).toContain(c.closes[0]!.code);
          return;
        }
        await waitFor(() => c.provider.synced);
        const id = `probe-${who}-${docKey}`;
        c.doc.transact(() => {
          if (docKey === 'board' || docKey === 'control' || docKey === 'ownA') {
            const author =
              who === 'participantA' ? s.a.participantId : who === 'participantB' ? s.b.participantId : who;
            addItem(c.doc, {
              id,
              kind: 'note',
              sessionId: 'opening',
              groupId: null,
              authorId: author,
              createdAt: Date.now() + 1,
              updatedAt: Date.now() + 1,
              text: 'probe',
            });
          } else c.doc.getMap('probe').set(id, true);
        });
        if (expected === 'read') {
          await waitFor(() => c.closes.some((x) => x.code === 4409));
          return;
        }
        const check = yClient(server.url, s.w.id, docName, setups.get('facilitator')!.w === s.w ? s.token : s.token);
        try {
          await waitFor(() => check.provider.synced);
          const has = (d: Y.Doc) => itemsMap(d).has(id) || d.getMap('probe').has(id);
          await waitFor(() => has(check.doc));
          expect(c.closes).toEqual([]);
        } finally {
          check.destroy();
        }
      } finally {
        c.destroy();
      }
    });

    it.each(ROUTES.map((r) => [r.name, r] as const))('route %s', async (_name, route) => {
      const s = setups.get(who)!;
      expect(await route.call(server.url, s)).toBe(route.expect[who]);
    });
  });
});
