import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { KEEPALIVE } from '../../server/sync/messages';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/** A raw websocket on the board, recording every message the server sends it. */
function rawBoard(server: TestServer, workshopId: string, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${workshopId}/board?token=${token}`);
  ws.binaryType = 'nodebuffer';
  const received: Buffer[] = [];
  const closes: number[] = [];
  ws.on('message', (d: Buffer) => received.push(d));
  ws.on('close', (code) => closes.push(code));
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  return { ws, received, closes, opened };
}

/** The y-websocket awareness message a client sends for the given awareness's states. */
function awarenessMessageOf(awareness: awarenessProtocol.Awareness, clients: number[]): Buffer {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1);
  encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return Buffer.from(encoding.toUint8Array(enc));
}

describe('awareness and keepalive', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<{ destroy(): void }> = [];
  const client = (token: string): YClient => {
    const c = yClient(server.url, w.id, 'board', token);
    open.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer({ limits: { keepaliveMs: 300 } });
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
  });

  it('sends a quiet connection a keepalive that changes nothing', async () => {
    const p = await joinAs(server.url, w, 'Amina');
    const raw = rawBoard(server, w.id, p.token);
    open.push({ destroy: () => raw.ws.close() });
    await raw.opened;
    // Nobody writes: the only messages after the server's sync step 1 are keepalives, again and again.
    await waitFor(() => raw.received.filter((m) => m.equals(Buffer.from(KEEPALIVE))).length >= 2, { timeout: 5000 });
    // A y-websocket client applies it as an awareness update of no clients: no state appears.
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    const changes: unknown[] = [];
    awareness.on('update', (c: unknown) => changes.push(c));
    awarenessProtocol.applyAwarenessUpdate(awareness, KEEPALIVE.subarray(2), 'server');
    expect(changes).toEqual([]);
    expect(awareness.getStates().size).toBe(0);
    awareness.destroy();
  });

  it('does not let an echo of someone else’s awareness remove it when the echoing connection closes', async () => {
    const [a, b] = [await joinAs(server.url, w, 'Amina'), await joinAs(server.url, w, 'Bram')];
    const screen = client(w.tokens.screen);
    const phoneA = client(a.token);
    await Promise.all([synced(screen), synced(phoneA)]);
    phoneA.provider.awareness.setLocalStateField('typing', true);
    await waitFor(() => screen.provider.awareness.getStates().has(phoneA.doc.clientID));

    // The screen must never hear that A left while A is still here.
    const removals: number[] = [];
    screen.provider.awareness.on('change', ({ removed }: { removed: number[] }) => removals.push(...removed));
    // B echoes A's state back, as y-websocket clients re-broadcast what they receive, and then leaves.
    const live = await server.app.hub.get(`${w.id}/board`);
    const raw = rawBoard(server, w.id, b.token);
    await raw.opened;
    await waitFor(() => live.listeners.size === 3);
    raw.ws.send(awarenessMessageOf(phoneA.provider.awareness, [phoneA.doc.clientID]));
    // A message after the echo, answered in order, shows the echo was handled.
    const probe = client(w.tokens.researcher);
    await synced(probe);
    raw.ws.close();
    await waitFor(() => live.listeners.size === 3 && raw.closes.length > 0);
    // A new listener joins after B left and still hears A is there; the screen never heard A leave.
    const late = client(w.tokens.facilitator);
    await synced(late);
    await waitFor(() => late.provider.awareness.getStates().has(phoneA.doc.clientID));
    expect(removals).not.toContain(phoneA.doc.clientID);

    // A's own leaving does remove it.
    phoneA.destroy();
    await waitFor(() => !screen.provider.awareness.getStates().has(phoneA.doc.clientID));
  });

  it('takes a flood of echoed awareness without closing the connection', async () => {
    const [a, b] = [await joinAs(server.url, w, 'Amina'), await joinAs(server.url, w, 'Bram')];
    const phoneA = client(a.token);
    await synced(phoneA);
    phoneA.provider.awareness.setLocalStateField('typing', true);
    const raw = rawBoard(server, w.id, b.token);
    await raw.opened;
    const echo = awarenessMessageOf(phoneA.provider.awareness, [phoneA.doc.clientID]);
    // More messages at once than a connection may have waiting (LIMITS.queuedMessages).
    for (let i = 0; i < 600; i++) raw.ws.send(echo);
    const screen = client(w.tokens.screen);
    await synced(screen);
    await waitFor(() => screen.provider.awareness.getStates().has(phoneA.doc.clientID));
    expect(raw.closes).toEqual([]);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
  });
});
