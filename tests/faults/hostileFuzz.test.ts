import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { initControl, putParticipant } from '../../shared/controlDoc';
import { LIMITS } from '../../shared/limits';
import type { Principal } from '../../shared/roles';
import { DEFAULT_CONSENT_TEXT, DEFAULT_PROGRAMME } from '../../shared/template';
import { DocHub } from '../../server/sync/DocHub';
import { createUpdateGuard } from '../../server/sync/guard/createGuard';
import type { LiveDoc } from '../../server/sync/LiveDoc';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer } from '../helpers/startServer';

/**
 * A seeded fuzz of hostile but well-formed updates: each step one writer (a participant or the facilitator) sends an
 * update built from a model of allowed and forbidden operations on items, texts, deletes, client ids, gaps, replaced
 * maps and embeds. After every step: nobody's content was changed by someone else, nothing is pending, a fresh client
 * could sync the document within the message limit, RSS stays bounded, no message's handling takes over 200 ms of
 * CPU (what would block the event loop; CPU time, so that other processes on a shared machine cannot inflate it).
 * Replay a run with FUZZ_SEED=<seed>; FUZZ_STEPS sets the number of in-process steps (default 10,000).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.FUZZ_STEPS ?? 10_000);
/** No message may block the event loop longer: measured as the CPU time its handling takes. */
const MAX_CPU_MS_PER_MESSAGE = 200;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const WS_STEPS = 300;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

interface Actor {
  principal: Principal;
  actor: string;
  groupId: string | null;
  /** Client ids this writer has used (a phone's page loads). */
  clients: number[];
}

const W = 'wfuzz';
const GROUPS = ['g0', 'g1'];

/** The model: one hostile or legitimate change by `who`, made on a copy of the server's document. */
function makeUpdate(
  r: ReturnType<typeof rng>,
  server: Y.Doc,
  who: Actor,
  all: Actor[],
): { update: Uint8Array; what: string } {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
  const newClient = r.next() < 0.05 || who.clients.length === 0;
  d.clientID = newClient ? 1 + r.int(2 ** 30) : r.pick(who.clients);
  if (newClient) who.clients.push(d.clientID);
  const items = itemsMap(d);
  const keys = [...items.keys()];
  const key = keys.length ? r.pick(keys) : null;
  const other = r.pick(all);
  const now = Date.now();
  const pid = who.principal.participantId ?? null;
  const note = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    kind: 'note',
    sessionId: 'opening',
    groupId: null,
    authorId: pid,
    createdAt: now,
    updatedAt: now,
    text: `n${r.int(1000)}`,
    ...extra,
  });
  const text = (k: string | null) => (k ? (items.get(k)?.get('text') as unknown) : null);
  const ops: Array<[string, () => void]> = [
    ['create note', () => addItem(d, note(`n${r.int(1e9)}`))],
    [
      'create group text',
      () =>
        addItem(d, {
          ...note(`vs-${r.int(1e6)}`, { kind: 'visionStatement', groupId: who.groupId }),
          text: new Y.Text('w'),
          editableBy: 'group',
        }),
    ],
    ['edit a field', () => key && items.get(key)!.set('text', `e${r.int(1000)}`)],
    ['touch updatedAt', () => key && items.get(key)!.set('updatedAt', now)],
    ['change authorId', () => key && items.get(key)!.set('authorId', other.principal.participantId ?? 'facilitator')],
    ['change groupId', () => key && items.get(key)!.set('groupId', r.pick(GROUPS))],
    ['hide', () => key && items.get(key)!.set('hidden', r.next() < 0.5)],
    ['delete item', () => key && items.delete(key)],
    [
      'replace item',
      () => key && addItem(d, note(key, { authorId: r.next() < 0.5 ? pid : other.principal.participantId })),
    ],
    [
      'type in a text',
      () => {
        const t = text(key);
        if (t instanceof Y.Text) t.insert(r.int(t.length + 1), 'abc');
      },
    ],
    [
      'delete in a text',
      () => {
        const t = text(key);
        if (t instanceof Y.Text && t.length) t.delete(r.int(t.length), 1);
      },
    ],
    [
      'embed in a text',
      () => {
        const t = text(key);
        if (t instanceof Y.Text) t.insertEmbed(0, { x: 1 });
      },
    ],
    [
      'format a text',
      () => {
        const t = text(key);
        if (t instanceof Y.Text && t.length) t.format(0, 1, { b: true });
      },
    ],
    ['binary field', () => key && items.get(key)!.set('text', new Uint8Array(8))],
    ['map as text', () => key && items.get(key)!.set('text', new Y.Map())],
    ['array field', () => key && items.get(key)!.set('extra', Y.Array.from([1, 2]))],
    ['huge time', () => addItem(d, note(`t${r.int(1e9)}`, { createdAt: 1e20 }))],
    [
      'as someone else',
      () => addItem(d, note(`s${r.int(1e9)}`, { authorId: other.principal.participantId ?? 'facilitator' })),
    ],
    ['other group', () => addItem(d, note(`g${r.int(1e9)}`, { groupId: r.pick(GROUPS) }))],
    ['root junk', () => d.getMap('junk').set('x', r.int(100))],
    ['long text', () => addItem(d, note(`l${r.int(1e9)}`, { text: 'x'.repeat(600) }))],
    [
      'missing field',
      () => {
        const m = new Y.Map();
        m.set('id', 'm');
        m.set('kind', 'note');
        items.set('m', m);
      },
    ],
  ];
  // Staff may reassign anything (moderation); the ownership check below is about participants, so staff do not.
  const STAFF_SKIP = new Set(['change authorId', 'change groupId', 'replace item', 'as someone else']);
  const [what, op] = r.pick(pid ? ops : ops.filter(([name]) => !STAFF_SKIP.has(name)));
  const sv = Y.encodeStateVector(d);
  d.transact(() => op());
  let update = Y.encodeStateAsUpdate(d, sv);
  // Transport-level hostility on top: a gap (the first part held back), or a storm of fresh client ids.
  const extra = r.next();
  if (extra < 0.04) {
    const d2 = new Y.Doc();
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d));
    d2.clientID = d.clientID;
    const sv2 = Y.encodeStateVector(d2);
    d2.transact(() => addItem(d2, note(`gap${r.int(1e9)}`)));
    return {
      update: Y.encodeStateAsUpdate(d2, sv2).length ? Y.encodeStateAsUpdate(d2, sv2) : update,
      what: `${what} + gap`,
    };
  }
  if (extra < 0.07) {
    const parts = [update];
    for (let i = 0; i < 30; i++) {
      const j = new Y.Doc();
      j.clientID = 1 + r.int(2 ** 30);
      j.getText('junk').insert(0, 'x');
      j.getText('junk').delete(0, 1);
      parts.push(Y.encodeStateAsUpdate(j));
    }
    update = Y.mergeUpdates(parts);
    return { update, what: `${what} + client storm` };
  }
  return { update, what };
}

/** The facilitator clears the wall (a legitimate moderation), which keeps the fuzz's documents small and fast. */
function sweep(server: Y.Doc, staff: Actor): { update: Uint8Array; what: string } {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
  if (staff.clients.length === 0) staff.clients.push(1 + Math.floor(Math.random() * 2 ** 30));
  d.clientID = staff.clients[0]!;
  const sv = Y.encodeStateVector(d);
  d.transact(() => {
    for (const k of [...itemsMap(d).keys()].slice(0, 50)) itemsMap(d).delete(k);
  });
  return { update: Y.encodeStateAsUpdate(d, sv), what: 'sweep' };
}

/** "Nobody's content was changed by someone else": each live struct of an item is its author's, staff's, or its group's. */
function ownershipViolations(doc: Y.Doc, owners: Map<number, string>, groupOf: Map<string, string | null>): string[] {
  const bad: string[] = [];
  for (const [key, m] of itemsMap(doc).entries()) {
    const authorId = m.get('authorId') as string | null | undefined;
    const group = m.get('editableBy') === 'group' ? (m.get('groupId') as string | null) : null;
    const mayWrite = (owner: string | undefined) => {
      if (owner === undefined || owner === 'server' || owner === 'facilitator' || owner === 'researcher') return true;
      const p = owner.slice('participant:'.length);
      return p === authorId || (group !== null && groupOf.get(p) === group);
    };
    const struct = m._item!;
    if (!mayWrite(owners.get(struct.id.client))) bad.push(`${key}: item by ${owners.get(struct.id.client)}`);
    for (const [field, s] of m._map) {
      if (s.deleted) continue;
      if (!mayWrite(owners.get(s.id.client))) bad.push(`${key}.${field} by ${owners.get(s.id.client)}`);
      if (s.content instanceof Y.ContentType) {
        for (let c = s.content.type._start; c; c = c.right) {
          if (!c.deleted && !mayWrite(owners.get(c.id.client)))
            bad.push(`${key}.${field} text by ${owners.get(c.id.client)}`);
        }
      }
    }
  }
  return bad;
}

describe(`hostile fuzz (seed ${SEED}; replay with FUZZ_SEED=${SEED})`, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(
    `${STEPS} hostile updates through the guard, in process (LiveDoc + real SQLite)`,
    { timeout: 240_000 },
    async () => {
      console.log(`[hostileFuzz] seed ${SEED} (replay: FUZZ_SEED=${SEED})`);
      const r = rng(SEED);
      const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-fuzz-'));
      dirs.push(dir);
      const storage = new SqliteStorage(dir);
      const hub = new DocHub(storage);
      const guard = createUpdateGuard({ storage, hub });
      const control = await hub.get(`${W}/control`);
      const participants = ['pa', 'pb', 'pc', 'pd'];
      const groupOf = new Map(participants.map((p, i) => [p, GROUPS[i % 2]!] as [string, string | null]));
      control.doc.transact(() => {
        initControl(control.doc, {
          meta: {
            title: 'Fuzz',
            joinCode: 'AAAAAA',
            joinOpen: true,
            consentText: DEFAULT_CONSENT_TEXT,
            source: 'fuzz',
            createdAt: Date.now(),
          },
          programme: DEFAULT_PROGRAMME,
          groups: GROUPS.map((id) => ({ id, name: id })),
        });
        for (const p of participants) {
          putParticipant(control.doc, {
            id: p,
            name: p,
            groupId: groupOf.get(p)!,
            side: 'community' as never,
            joinedAt: Date.now(),
          });
        }
      });
      const board: LiveDoc = await hub.get(`${W}/board`);
      const actors: Actor[] = [
        ...participants.map((p) => ({
          principal: { workshopId: W, role: 'participant' as const, participantId: p },
          actor: `participant:${p}`,
          groupId: groupOf.get(p)!,
          clients: [],
        })),
        {
          principal: { workshopId: W, role: 'facilitator' as const },
          actor: 'facilitator',
          groupId: null,
          clients: [],
        },
      ];
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const rssStart = process.memoryUsage().rss;
      let applied = 0;
      let slowest = 0;
      let slowestWall = 0;
      const tally = new Map<string, [number, number]>();
      for (let step = 0; step < STEPS; step++) {
        // Mostly participants, sometimes the facilitator (who may moderate anything).
        const full = itemsMap(board.doc).size > 60;
        const who = full || r.next() >= 0.9 ? actors.at(-1)! : actors[r.int(participants.length)]!;
        const { update, what } = full ? sweep(board.doc, actors.at(-1)!) : makeUpdate(r, board.doc, who, actors);
        // The server's whole handling of the message (decode, prepare, check, apply, store) as CPU time of this
        // process, which runs nothing else meanwhile: other processes on a shared machine cannot inflate it, as
        // they do wall time and the event-loop delay. The wall time is reported too.
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const decoded = Y.decodeUpdate(update);
        const origin = { actor: who.actor };
        const { check, recorded } = await guard.prepare(who.principal, board, decoded);
        const verdict = check();
        if (!verdict.reason) {
          board.applyClientUpdate(update, origin, recorded);
          applied++;
          await board.idle();
        }
        slowestWall = Math.max(slowestWall, performance.now() - t0);
        const took = cpuMs(process.cpuUsage(c0));
        slowest = Math.max(slowest, took);
        const t = tally.get(what.replace(/ \+ .*/, '')) ?? [0, 0];
        t[verdict.reason ? 1 : 0]++;
        tally.set(what.replace(/ \+ .*/, ''), t);
        const where = `step ${step} (${who.actor}: ${what}; seed ${SEED})`;
        expect(took, where).toBeLessThan(MAX_CPU_MS_PER_MESSAGE);
        expect(board.doc.store.pendingStructs, where).toBeNull();
        expect(board.doc.store.pendingDs, where).toBeNull();
        if (!verdict.reason || step % 50 === 0) {
          const owners = await storage.loadClaims(board.name);
          expect(ownershipViolations(board.doc, owners, groupOf), where).toEqual([]);
          // A fresh client's sync step 1 (its state vector) and the server's answer both fit one message.
          expect(Y.encodeStateVector(board.doc).length, where).toBeLessThan(LIMITS.message / 8);
        }
        if (step % 500 === 0) {
          expect(Y.encodeStateAsUpdate(board.doc).length).toBeLessThan(LIMITS.message);
          expect(process.memoryUsage().rss - rssStart, where).toBeLessThan(400 * 1024 * 1024);
        }
      }
      loop.disable();
      console.log(
        `[hostileFuzz] ${STEPS} steps, ${applied} applied; slowest handling ${slowest.toFixed(1)} ms CPU (${slowestWall.toFixed(1)} ms wall); ` +
          `event loop max ${(loop.max / 1e6).toFixed(0)} ms; RSS +${((process.memoryUsage().rss - rssStart) / 1e6).toFixed(0)} MB`,
      );
      console.log(`[hostileFuzz] applied/refused per operation: ${JSON.stringify(Object.fromEntries(tally))}`);
      expect(applied).toBeGreaterThan(STEPS / 20);
      await hub.flushAll();
      await storage.close();
    },
  );

  it(
    `${WS_STEPS} hostile updates over real websockets; a fresh client then syncs every document`,
    { timeout: 120_000 },
    async () => {
      const r = rng(SEED ^ 0x5bd1e995);
      const server = await startServer();
      const open: Array<{ destroy(): void }> = [];
      try {
        const w = await createWorkshop(server.url, server.organiserKey);
        const joined = await Promise.all([0, 0, 1].map((g, i) => joinAs(server.url, w, `P${i}`, g)));
        const actors: Actor[] = joined.map((j, i) => ({
          principal: { workshopId: w.id, role: 'participant', participantId: j.participantId },
          actor: `participant:${j.participantId}`,
          groupId: w.groups[[0, 0, 1][i]!]!.id,
          clients: [],
        }));
        const tokens = new Map(joined.map((j) => [j.participantId, j.token]));
        const mirror = yClient(server.url, w.id, 'board', w.tokens.facilitator);
        open.push(mirror);
        await synced(mirror);
        // The server runs in this process: the event loop's delay is the server's (plus this test's small client work).
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        let slowest = 0;
        for (let step = 0; step < WS_STEPS; step++) {
          const who = r.pick(actors);
          const { update, what } = makeUpdate(r, mirror.doc, who, actors);
          // CPU time of this process for the step: the server's handling of the connection and both messages
          // (authentication, limits, guard, storing, relaying), plus this test's own small client part.
          const c0 = process.cpuUsage();
          const ws = new WebSocket(
            `${server.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${tokens.get(who.principal.participantId!)}`,
          );
          await new Promise((res) => ws.on('open', res));
          const done = new Promise<void>((res) => {
            ws.on('close', () => res());
            ws.on('message', (data: Buffer) => {
              if (data[0] === 0 && data[1] === 1) res();
            });
          });
          for (const msg of [
            (e: encoding.Encoder) => syncProtocol.writeUpdate(e, update),
            (e: encoding.Encoder) => syncProtocol.writeSyncStep1(e, new Y.Doc()),
          ]) {
            const e = encoding.createEncoder();
            encoding.writeVarUint(e, 0);
            msg(e);
            ws.send(encoding.toUint8Array(e));
          }
          await done;
          ws.terminate();
          const took = cpuMs(process.cpuUsage(c0));
          slowest = Math.max(slowest, took);
          expect(took, `websocket step ${step} (${who.actor}: ${what}; seed ${SEED})`).toBeLessThan(
            MAX_CPU_MS_PER_MESSAGE,
          );
        }
        loop.disable();
        console.log(
          `[hostileFuzz] websockets: ${WS_STEPS} updates; slowest step ${slowest.toFixed(1)} ms CPU; ` +
            `event loop max ${(loop.max / 1e6).toFixed(0)} ms`,
        );
        // Every document syncs for a fresh client, within the message limit, and nobody's content was changed by others.
        for (const doc of ['board', 'control', 'research', ...joined.map((j) => `own/${j.participantId}`)]) {
          const fresh = yClient(server.url, w.id, doc, w.tokens.facilitator);
          open.push(fresh);
          await synced(fresh);
          expect(Y.encodeStateVector(fresh.doc).length, doc).toBeLessThan(LIMITS.message / 8);
          expect(fresh.closes, doc).toEqual([]);
        }
        const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
        open.push(screen);
        await synced(screen);
        await waitFor(() => itemsMap(screen.doc).size === itemsMap(mirror.doc).size);
        expect(screen.closes).toEqual([]);
      } finally {
        for (const x of open) x.destroy();
        await server.close();
      }
    },
  );
});
