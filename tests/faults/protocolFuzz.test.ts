import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { api, createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { rng, type Rng } from '../helpers/rng';

/** Valid y-websocket messages to mutate: sync step 1, an update with a real item, awareness, a query. */
function seeds(participantId: string): Uint8Array[] {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  doc.transact(() =>
    addItem(doc, {
      id: 'fz',
      kind: 'note',
      sessionId: 'opening',
      groupId: null,
      authorId: participantId,
      createdAt: Date.now() + 1,
      updatedAt: Date.now() + 1,
      text: 'fuzz',
    }),
  );
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, 0);
  syncProtocol.writeSyncStep1(step1, doc);
  const upd = encoding.createEncoder();
  encoding.writeVarUint(upd, 0);
  syncProtocol.writeUpdate(upd, update);
  const aw = encoding.createEncoder();
  encoding.writeVarUint(aw, 1);
  encoding.writeVarUint8Array(aw, new Uint8Array([1, 200, 1, 1, 2, 123, 125]));
  return [encoding.toUint8Array(step1), encoding.toUint8Array(upd), encoding.toUint8Array(aw), new Uint8Array([3])];
}

function mutate(r: Rng, base: Uint8Array): Uint8Array {
  const out = Array.from(base);
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const op = r.int(4);
    if (op === 0 && out.length) out[r.int(out.length)] = r.int(256);
    else if (op === 1) out.splice(r.int(out.length + 1), 0, r.int(256));
    else if (op === 2 && out.length) out.length = r.int(out.length);
    else out.push(...Array.from({ length: r.int(8) }, () => r.int(256)));
  }
  return new Uint8Array(out);
}

function randomValue(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 2 ? 5 : 8);
  if (k === 0) return null;
  if (k === 1) return r.next() * 1e12 - 5e11;
  if (k === 2) return 'x'.repeat(r.int(3) === 0 ? 70_000 : r.int(40));
  if (k === 3) return r.next() < 0.5;
  if (k === 4) return r.pick(['session.next', 'exercise', '__proto__', 'constructor', 'group.remove', '']);
  if (k === 5) return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < r.int(5); i++)
    o[r.pick(['type', 'sessionId', 'payload', 'groupId', 'roles', '__proto__'])] = randomValue(r, depth + 1);
  return o;
}

describe('protocol fuzz: random and mutated messages against a running server', { timeout: 60_000 }, () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  let a: JoinResponse;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);
  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    a = await joinAs(server.url, w, 'Aïcha');
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await server.close();
  });

  it('survives thousands of y-protocol, socket.io and API messages (seed 7): stays up, bounded, no rejection', async () => {
    const r = rng(7);
    const base = seeds(a.participantId);
    const wsUrl = `${server.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${a.token}`;
    let sent = 0;
    // y-websocket protocol: a few sockets at a time; a socket the server closes is replaced.
    while (sent < 2000) {
      const ws = new WebSocket(wsUrl);
      const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
      ws.on('error', () => undefined);
      await new Promise((resolve) => {
        ws.on('open', resolve);
        ws.on('close', resolve);
      });
      for (let i = 0; i < 50 && ws.readyState === ws.OPEN; i++, sent++) {
        const msg =
          r.next() < 0.2
            ? new Uint8Array(Array.from({ length: r.int(64) }, () => r.int(256)))
            : mutate(r, r.pick(base));
        ws.send(msg);
      }
      ws.close();
      await closed;
    }
    // socket.io: random payloads on every event, known and unknown.
    const io = ioClient(server.url, a.token);
    await io.connected();
    for (let i = 0; i < 800; i++) {
      const ev = r.pick(['command', 'clock', 'stateVector', 'nope', 'hello']);
      const args = Array.from({ length: r.int(3) }, () => randomValue(r));
      if (r.next() < 0.5) io.socket.emit(ev, ...args, () => undefined);
      else io.socket.emit(ev, ...args);
    }
    io.close();
    // API: random bodies, raw non-JSON, on every route.
    const routes = [
      '/api/join',
      '/api/workshops',
      `/api/workshops/${w.id}/links/rotate`,
      '/api/me',
      `/api/join/${w.joinCode}`,
    ];
    for (let i = 0; i < 300; i++) {
      const path = r.pick(routes);
      const res =
        r.next() < 0.2
          ? await api(server.url, path, { raw: '{"a":' + 'x'.repeat(r.int(50)), token: a.token })
          : await api(server.url, path, { body: randomValue(r), token: r.next() < 0.5 ? a.token : undefined });
      expect(res.status, path).toBeLessThan(500);
    }

    expect((await api(server.url, '/healthz')).status).toBe(200);
    // Still works for a real phone, and nothing the fuzz sent got onto the board as someone else's.
    const phone = yClient(server.url, w.id, 'board', a.token);
    await synced(phone);
    phone.doc.transact(() =>
      addItem(phone.doc, {
        id: 'real',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: a.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        text: 'nog steeds hier',
      }),
    );
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    await waitFor(() => itemsMap(screen.doc).has('real'));
    for (const item of itemsMap(screen.doc).values()) expect(item.get('authorId')).toBe(a.participantId);
    phone.destroy();
    screen.destroy();
    // Bounded: no connection or document left behind by the fuzz.
    await waitFor(() => server.app.connections.count() === 0);
    expect(server.app.hub.loadedCount).toBeLessThanOrEqual(3);
    expect(rejections).toEqual([]);
  });
});
