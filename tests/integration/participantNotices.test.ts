import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS, type CreateWorkshopResponse, type Notice } from '../../shared/protocol';
import { api, createWorkshop, ioClient, joinAs, waitFor } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/**
 * A participant is told what really happened when their connection is closed: erased at their request, or their
 * access revoked — not "this link was replaced", which is true only for a rotated staff link.
 */
describe('notices a participant gets when their access ends', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<() => void> = [];

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const close of open.splice(0)) close();
    await server.close();
  });

  const listen = async (token: string) => {
    const io = ioClient(server.url, token);
    open.push(io.close);
    await io.connected();
    const told: Notice[] = [];
    io.socket.on(EVENTS.notice, (n: Notice) => told.push(n));
    return told;
  };

  it.each([
    ['erase', 'erased'],
    ['revoke', 'access_revoked'],
  ])('after %s the phone is told %s', async (action, code) => {
    const p = await joinAs(server.url, w, 'Daan');
    const told = await listen(p.token);
    const r = await api(server.url, `/api/workshops/${w.id}/participants/${p.participantId}/${action}`, {
      token: w.tokens.facilitator,
      body: {},
    });
    expect(r.status).toBe(200);
    await waitFor(() => told.length > 0);
    expect(told.map((n) => n.code)).toEqual([code]);
  });
});
