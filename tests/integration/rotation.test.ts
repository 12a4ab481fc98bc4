import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { EVENTS, type CreateWorkshopResponse, type Notice } from '../../shared/protocol';
import { api, createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('revoking access: rotated links and a lost phone', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<{ destroy(): void }> = [];
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it('rotating the screen link closes the open screen at once, refuses the old token, keeps participants', async () => {
    const a = await joinAs(server.url, w, 'Aïcha');
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    const phone = yClient(server.url, w.id, 'board', a.token);
    const screenIo = ioClient(server.url, w.tokens.screen);
    open.push(screen, phone, { destroy: screenIo.close });
    await Promise.all([screen, phone].map(synced));
    await screenIo.connected();
    const told: Notice[] = [];
    screenIo.socket.on(EVENTS.notice, (n: Notice) => told.push(n));

    const r = await api<{ links: Record<string, string>; tokens: Record<string, string> }>(
      server.url,
      `/api/workshops/${w.id}/links/rotate`,
      { token: w.tokens.facilitator, body: { roles: ['screen'] } },
    );
    expect(r.status).toBe(200);
    expect(r.body.tokens.screen).not.toBe(w.tokens.screen);
    expect(r.body.tokens.facilitator).toBe(w.tokens.facilitator);
    expect(r.body.links.screen).toContain(`#${r.body.tokens.screen}`);

    await waitFor(() => screen.closes.some((c) => c.code === 4401));
    await waitFor(() => told.some((n) => n.code === 'revoked') && !screenIo.socket.connected);
    expect((await api(server.url, '/api/me', { token: w.tokens.screen })).status).toBe(401);
    const again = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(again);
    await waitFor(() => again.closes.some((c) => c.code === 4401));
    const fresh = yClient(server.url, w.id, 'board', r.body.tokens.screen!);
    open.push(fresh);
    await synced(fresh);
    expect(phone.closes).toEqual([]);
    expect((await api(server.url, '/api/me', { token: a.token })).status).toBe(200);
  });

  it("revoking a lost phone's token closes its connections and keeps what it wrote", async () => {
    const a = await joinAs(server.url, w, 'Aïcha');
    const b = await joinAs(server.url, w, 'Bert');
    const phone = yClient(server.url, w.id, 'board', a.token);
    const other = yClient(server.url, w.id, 'board', b.token);
    open.push(phone, other);
    await Promise.all([phone, other].map(synced));
    const r = await api(server.url, `/api/workshops/${w.id}/participants/${a.participantId}/revoke`, {
      token: w.tokens.facilitator,
      body: {},
    });
    expect(r.status).toBe(200);
    await waitFor(() => phone.closes.some((c) => c.code === 4401));
    expect((await api(server.url, '/api/me', { token: a.token })).status).toBe(401);
    expect(other.closes).toEqual([]);
  });

  it('accepts the token as a websocket subprotocol (kept out of URLs) and never echoes it', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/yjs', `${w.id}/board`, doc, {
      protocols: ['werkplaats', `token.${w.tokens.researcher}`],
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    open.push({ destroy: () => provider.destroy() });
    await waitFor(() => provider.synced);
    expect((provider.ws as unknown as WebSocket).protocol).toBe('werkplaats');
  });
});
