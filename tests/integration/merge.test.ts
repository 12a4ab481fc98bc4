import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import type { WhoAmIResponse } from '../../shared/protocol';
import { api, joinAs, synced, waitFor } from '../helpers/clients';
import { noteItem } from '../helpers/items';
import { workshopPerTest } from '../helpers/workshopPerTest';

/** Issue 12: two participants who are one person become one, and their contributions move with them. */
describe('merging participants and re-entry links', () => {
  const room = workshopPerTest();
  const client = room.client;

  it('moves items, drafts and client ids to the surviving participant; the old token acts as them', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha', 0);
    const twin = await joinAs(room.server.url, room.w, 'Aïcha', 0);
    const group = room.w.groups[0]!.id;
    const phone = client('board', twin.token);
    await synced(phone);
    phone.doc.transact(() =>
      addItem(phone.doc, noteItem('n1', twin.participantId, { text: 'Van de tweede telefoon', groupId: group })),
    );
    const own = client(`own/${twin.participantId}`, twin.token);
    await synced(own);
    own.doc.transact(() => addItem(own.doc, noteItem('d1', twin.participantId, { text: 'Nog privé', groupId: group })));
    const screen = client('board', room.w.tokens.screen);
    await waitFor(() => readItems(screen.doc).some((i) => i.id === 'n1'));
    const ownCheck = client(`own/${twin.participantId}`, room.w.tokens.facilitator);
    await waitFor(() => itemsMap(ownCheck.doc).has('d1'));
    ownCheck.destroy();
    const oldClientId = phone.doc.clientID;
    const oldState = Y.encodeStateAsUpdate(phone.doc);
    phone.destroy();
    own.destroy();

    const r = await api<{ items: number; drafts: number }>(
      room.server.url,
      `/api/workshops/${room.w.id}/participants/${twin.participantId}/merge`,
      { token: room.w.tokens.facilitator, body: { into: a.participantId } },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ items: 1, drafts: 1 });

    const control = client('control', room.w.tokens.screen);
    await synced(control);
    expect(readControl(control.doc).participants.map((p) => p.id)).toEqual([a.participantId]);
    const board = client('board', room.w.tokens.screen);
    await waitFor(() => readItems(board.doc).find((i) => i.id === 'n1')?.authorId === a.participantId);
    const drafts = client(`own/${a.participantId}`, a.token);
    await waitFor(() => itemsMap(drafts.doc).get('d1')?.get('authorId') === a.participantId);

    // The second phone's token is now Aïcha's own.
    const me = await api<WhoAmIResponse>(room.server.url, '/api/me', { token: twin.token });
    expect(me.body.participantId).toBe(a.participantId);

    // The second phone comes back with its stored board (same Yjs client id) and writes on: not refused.
    const doc = new Y.Doc();
    doc.clientID = oldClientId;
    Y.applyUpdate(doc, oldState);
    const provider = new WebsocketProvider(room.server.url.replace(/^http/, 'ws') + '/yjs', `${room.w.id}/board`, doc, {
      params: { token: twin.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const closes: number[] = [];
    provider.on('connection-close', (ev) => ev && closes.push(ev.code));
    room.open.push({ destroy: () => (provider.destroy(), doc.destroy()) });
    await waitFor(() => provider.synced);
    doc.transact(() => addItem(doc, noteItem('n2', a.participantId, { text: 'Weer terug', groupId: group })));
    await waitFor(() => readItems(board.doc).some((i) => i.id === 'n2'));
    expect(closes).toEqual([]);

    // The research export knows one person.
    const exp = await fetch(`${room.server.url}/api/workshops/${room.w.id}/export?format=json&names=real`, {
      headers: { authorization: `Bearer ${room.w.tokens.facilitator}` },
    });
    expect(exp.status).toBe(200);
    const text = await exp.text();
    expect(text).not.toContain(twin.participantId);
  });

  it('refuses merging into oneself or an unknown participant, and gives a re-entry link that logs in as them', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha', 0);
    const self = await api(room.server.url, `/api/workshops/${room.w.id}/participants/${a.participantId}/merge`, {
      token: room.w.tokens.facilitator,
      body: { into: a.participantId },
    });
    expect(self.status).toBe(400);
    const unknown = await api(room.server.url, `/api/workshops/${room.w.id}/participants/pnobody/merge`, {
      token: room.w.tokens.facilitator,
      body: { into: a.participantId },
    });
    expect(unknown.status).toBe(404);

    const link = await api<{ link: string; token: string }>(
      room.server.url,
      `/api/workshops/${room.w.id}/participants/${a.participantId}/link`,
      { token: room.w.tokens.facilitator, body: {} },
    );
    expect(link.status).toBe(201);
    expect(link.body.link).toBe(`${room.server.url}/p/${room.w.id}#${link.body.token}`);
    const me = await api<WhoAmIResponse>(room.server.url, '/api/me', { token: link.body.token });
    expect(me.body).toMatchObject({ role: 'participant', participantId: a.participantId, workshopId: room.w.id });
  });
});
