import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { EVENTS, type CreateWorkshopResponse, type Notice } from '../../shared/protocol';
import { api, createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';

describe('limits: a clear answer, never a crash, nothing within limits lost', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<{ destroy(): void }> = [];
  const start = async (limits?: Parameters<typeof startServer>[0]) => {
    server = await startServer(limits);
    w = await createWorkshop(server.url, server.organiserKey);
  };
  const health = async () => (await api(server.url, '/healthz')).status;
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it('slows a fast writer down (updates per second) and loses nothing', async () => {
    await start({ limits: { updatesPerSecond: 10, itemsPerMinute: 100_000 } });
    const a = await joinAs(server.url, w, 'Aïcha');
    const io = ioClient(server.url, a.token);
    open.push({ destroy: io.close });
    await io.connected();
    const told: Notice[] = [];
    io.socket.on(EVENTS.notice, (n: Notice) => told.push(n));
    const phone = yClient(server.url, w.id, 'board', a.token);
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(phone, screen);
    await Promise.all([phone, screen].map(synced));
    // 60 separate transactions: more updates per second and more items than the bucket holds.
    for (let i = 0; i < 60; i++) phone.doc.transact(() => addItem(phone.doc, noteItem(`n${i}`, a.participantId)));
    await waitFor(() => told.some((n) => n.code === 'slow_down'));
    await waitFor(() => itemsMap(screen.doc).size === 60, { timeout: 15_000 });
    expect(phone.closes).toEqual([]);
  });

  it('takes a long offline batch of items in one go, then paces new items (items per minute)', async () => {
    await start({ limits: { itemsPerMinute: 120 } });
    const a = await joinAs(server.url, w, 'Aïcha');
    const io = ioClient(server.url, a.token);
    open.push({ destroy: io.close });
    await io.connected();
    const told: Notice[] = [];
    io.socket.on(EVENTS.notice, (n: Notice) => told.push(n));
    const phone = yClient(server.url, w.id, 'board', a.token);
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(phone, screen);
    await Promise.all([phone, screen].map(synced));
    phone.provider.disconnect();
    for (let i = 0; i < 130; i++) phone.doc.transact(() => addItem(phone.doc, noteItem(`off${i}`, a.participantId)));
    phone.provider.connect();
    // More than a minute's worth, accepted at once: the bucket goes into debt.
    await waitFor(() => itemsMap(screen.doc).size === 130);
    expect(told).toEqual([]);
    // The next item waits until the debt is paid (about 5 s at 2 items/s), with a calm notice, and is not lost.
    phone.doc.transact(() => addItem(phone.doc, noteItem('next', a.participantId)));
    await waitFor(() => told.some((n) => n.code === 'slow_down'));
    await waitFor(() => itemsMap(screen.doc).has('next'), { timeout: 15_000 });
    expect(phone.closes).toEqual([]);
  });

  it('closes a flooding connection; its client resends everything on reconnect', async () => {
    await start({ limits: { updatesPerSecond: 2, queuedMessages: 10 } });
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = yClient(server.url, w.id, 'board', a.token);
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(phone, screen);
    await Promise.all([phone, screen].map(synced));
    for (let i = 0; i < 30; i++) phone.doc.transact(() => addItem(phone.doc, noteItem(`f${i}`, a.participantId)));
    await waitFor(() => phone.closes.some((c) => c.code === 1013));
    await waitFor(() => itemsMap(screen.doc).size === 30, { timeout: 15_000 });
    expect(await health()).toBe(200);
  });

  it('closes a connection that sends a message over the size limit, and only that one', async () => {
    await start();
    const good = yClient(server.url, w.id, 'board', w.tokens.facilitator);
    open.push(good);
    await synced(good);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${w.tokens.researcher}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((r) => ws.on('open', r));
    ws.send(new Uint8Array(LIMITS.message + 10));
    expect(await closed).toBe(1009);
    good.doc.transact(() => addItem(good.doc, noteItem('after', 'facilitator')));
    const fresh = yClient(server.url, w.id, 'board', w.tokens.researcher);
    open.push(fresh);
    await waitFor(() => itemsMap(fresh.doc).has('after'));
    expect(await health()).toBe(200);
  });

  it('keeps a participant to a few connections per document, closing the oldest', async () => {
    await start();
    const a = await joinAs(server.url, w, 'Aïcha');
    const phones = Array.from({ length: LIMITS.connectionsPerParticipant + 2 }, () => {
      const p = yClient(server.url, w.id, 'board', a.token);
      p.provider.shouldReconnect = () => false;
      open.push(p);
      return p;
    });
    await waitFor(() => phones.filter((p) => p.closes.some((c) => c.code === 1008)).length === 2);
    const newest = phones.at(-1)!;
    await synced(newest);
    expect(newest.closes).toEqual([]);
  });

  it('limits join attempts with unknown codes per address, then refuses every join from it for a minute', async () => {
    await start();
    // As behind a reverse proxy: the address is the forwarded one (direct loopback callers are local tools).
    const from = (addr: string, path: string) =>
      fetch(server.url + path, { headers: { 'x-forwarded-for': addr } }).then((r) => r.status);
    for (let i = 0; i < LIMITS.joinFailuresPerMinute; i++)
      expect(await from('203.0.113.7', '/api/join/AAAAAA')).toBe(404);
    expect(await from('203.0.113.7', `/api/join/${w.joinCode}`)).toBe(429);
    // Another address is not affected, nor are local tools.
    expect(await from('198.51.100.4', `/api/join/${w.joinCode}`)).toBe(200);
    expect((await api(server.url, `/api/join/${w.joinCode}`)).status).toBe(200);
    expect(await health()).toBe(200);
  });

  it('answers a command flood with too_many, and keeps serving', async () => {
    await start();
    const f = ioClient(server.url, w.tokens.facilitator);
    open.push({ destroy: f.close });
    await f.connected();
    const acks = await Promise.all(Array.from({ length: 60 }, () => f.command({ type: 'input.lock', locked: true })));
    expect(acks.filter((x) => x.ok).length).toBeGreaterThanOrEqual(10);
    expect(acks.some((x) => !x.ok && x.error.code === 'too_many')).toBe(true);
    expect(await health()).toBe(200);
  });
});
