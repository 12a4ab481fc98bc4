import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import type { CreateWorkshopResponse, WhoAmIResponse } from '../../shared/protocol';
import { api, createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';

/** Issue 12: two participants who are one person become one, and their contributions move with them. */
describe('merging participants and re-entry links', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<{ destroy(): void }> = [];
  const client = (doc: string, token: string) => {
    const c = yClient(server.url, w.id, doc, token);
    open.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
  });

  it('moves items, drafts and client ids to the surviving participant; the old token acts as them', async () => {
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const twin = await joinAs(server.url, w, 'Aïcha', 0);
    const group = w.groups[0]!.id;
    const phone = client('board', twin.token);
    await synced(phone);
    phone.doc.transact(() =>
      addItem(phone.doc, noteItem('n1', twin.participantId, { text: 'Van de tweede telefoon', groupId: group })),
    );
    const own = client(`own/${twin.participantId}`, twin.token);
    await synced(own);
    own.doc.transact(() => addItem(own.doc, noteItem('d1', twin.participantId, { text: 'Nog privé', groupId: group })));
    const screen = client('board', w.tokens.screen);
    await waitFor(() => readItems(screen.doc).some((i) => i.id === 'n1'));
    const ownCheck = client(`own/${twin.participantId}`, w.tokens.facilitator);
    await waitFor(() => itemsMap(ownCheck.doc).has('d1'));
    ownCheck.destroy();
    const oldClientId = phone.doc.clientID;
    const oldState = Y.encodeStateAsUpdate(phone.doc);
    phone.destroy();
    own.destroy();

    const r = await api<{ items: number; drafts: number }>(
      server.url,
      `/api/workshops/${w.id}/participants/${twin.participantId}/merge`,
      { token: w.tokens.facilitator, body: { into: a.participantId } },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ items: 1, drafts: 1 });

    const control = client('control', w.tokens.screen);
    await synced(control);
    expect(readControl(control.doc).participants.map((p) => p.id)).toEqual([a.participantId]);
    const board = client('board', w.tokens.screen);
    await waitFor(() => readItems(board.doc).find((i) => i.id === 'n1')?.authorId === a.participantId);
    const drafts = client(`own/${a.participantId}`, a.token);
    await waitFor(() => itemsMap(drafts.doc).get('d1')?.get('authorId') === a.participantId);

    // The second phone's token is now Aïcha's own.
    const me = await api<WhoAmIResponse>(server.url, '/api/me', { token: twin.token });
    expect(me.body.participantId).toBe(a.participantId);

    // The second phone comes back with its stored board (same Yjs client id) and writes on: not refused.
    const doc = new Y.Doc();
    doc.clientID = oldClientId;
    Y.applyUpdate(doc, oldState);
    const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/yjs', `${w.id}/board`, doc, {
      params: { token: twin.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const closes: number[] = [];
    provider.on('connection-close', (ev) => ev && closes.push(ev.code));
    open.push({ destroy: () => (provider.destroy(), doc.destroy()) });
    await waitFor(() => provider.synced);
    doc.transact(() => addItem(doc, noteItem('n2', a.participantId, { text: 'Weer terug', groupId: group })));
    await waitFor(() => readItems(board.doc).some((i) => i.id === 'n2'));
    expect(closes).toEqual([]);

    // The research export knows one person.
    const exp = await fetch(`${server.url}/api/workshops/${w.id}/export?format=json&names=real`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(exp.status).toBe(200);
    const text = await exp.text();
    expect(text).not.toContain(twin.participantId);
  });

  it('refuses merging into oneself or an unknown participant, and gives a re-entry link that logs in as them', async () => {
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const self = await api(server.url, `/api/workshops/${w.id}/participants/${a.participantId}/merge`, {
      token: w.tokens.facilitator,
      body: { into: a.participantId },
    });
    expect(self.status).toBe(400);
    const unknown = await api(server.url, `/api/workshops/${w.id}/participants/pnobody/merge`, {
      token: w.tokens.facilitator,
      body: { into: a.participantId },
    });
    expect(unknown.status).toBe(404);

    const link = await api<{ link: string; token: string }>(
      server.url,
      `/api/workshops/${w.id}/participants/${a.participantId}/link`,
      { token: w.tokens.facilitator, body: {} },
    );
    expect(link.status).toBe(201);
    expect(link.body.link).toBe(`${server.url}/p/${w.id}#${link.body.token}`);
    const me = await api<WhoAmIResponse>(server.url, '/api/me', { token: link.body.token });
    expect(me.body).toMatchObject({ role: 'participant', participantId: a.participantId, workshopId: w.id });
  });
});
