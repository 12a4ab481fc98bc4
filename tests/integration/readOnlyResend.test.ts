import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addItem, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { receiveOnly } from '../../client/sync/connectDoc';
import { ioClient, joinAs, synced, waitFor, type YClient } from '../helpers/clients';
import { noteItem } from '../helpers/items';
import { workshopPerTest } from '../helpers/workshopPerTest';

/**
 * Issue 12, point 1: a phone that reloads sends the control document it kept in IndexedDB back to the server. That
 * must not lock it out (4409), and a client must never write the control document.
 */
describe('read-only documents', () => {
  const room = workshopPerTest();
  const client = room.client;

  /**
   * A phone after a reload: y-indexeddb loads asynchronously, often after the socket opened, and y-websocket then
   * sends the whole stored copy to the server as an update.
   */
  async function reloadedPhone(token: string, stored: Uint8Array): Promise<YClient> {
    const c = client('control', token);
    // The moment the socket opens, before the server's sync step 2 has arrived.
    c.provider.on('status', ({ status }) => {
      if (status === 'connected') Y.applyUpdate(c.doc, stored, 'idb');
    });
    await synced(c);
    return c;
  }

  it('a plain y-websocket client resending its stored control copy is not refused and keeps following', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const f = ioClient(room.server.url, room.w.tokens.facilitator);
    room.open.push({ destroy: () => f.close() });
    await f.connected();
    const first = client('control', a.token);
    await synced(first);
    expect((await f.command({ type: 'session.next' })).ok).toBe(true);
    await waitFor(() => readControl(first.doc).state?.currentSessionId === 'pitch');
    const stored = Y.encodeStateAsUpdate(first.doc);
    first.destroy();

    const screen = client('control', room.w.tokens.screen);
    await synced(screen);
    for (const round of [1, 2, 3]) {
      const phone = await reloadedPhone(a.token, stored);
      const before = readControl(screen.doc).state?.currentSessionId;
      expect((await f.command({ type: 'session.next' })).ok).toBe(true);
      const next = await waitFor(() => {
        const now = readControl(screen.doc).state?.currentSessionId;
        return now !== before && now;
      });
      await waitFor(() => readControl(phone.doc).state?.currentSessionId === next);
      expect(
        phone.closes.filter((c) => c.code >= 4400),
        `round ${round}`,
      ).toEqual([]);
      phone.destroy();
    }
  });

  it('resending deletions the server already has is not refused; new content on control is', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const phone = client('control', a.token);
    await synced(phone);
    // Old content plus a deletion of something the server has deleted too: still nothing new.
    const again = Y.encodeStateAsUpdate(phone.doc);
    Y.applyUpdate(phone.doc, again);
    phone.doc.getMap('participants').set('zz', 'mine');
    await waitFor(() => phone.closes.some((c) => c.code === 4409));
    const watch = client('control', room.w.tokens.screen);
    await synced(watch);
    expect(watch.doc.getMap('participants').get('zz')).toBeUndefined();
  });

  it('a receive-only provider sends nothing: a local write to control never reaches the server', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      room.server.url.replace(/^http/, 'ws') + '/yjs',
      `${room.w.id}/control`,
      doc,
      {
        params: { token: a.token },
        protocols: ['werkplaats', `v.${PROTOCOL_VERSION}`],
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    receiveOnly(provider);
    const closes: number[] = [];
    provider.on('connection-close', (ev) => ev && closes.push(ev.code));
    room.open.push({ destroy: () => (provider.destroy(), doc.destroy()) });
    await waitFor(() => provider.synced);
    expect(readControl(doc).participants.map((p) => p.name)).toEqual(['Aïcha']);

    doc.getMap('participants').set('intruder', 'x'); // new content: a plain client would be refused (4409)
    const f = ioClient(room.server.url, room.w.tokens.facilitator);
    room.open.push({ destroy: () => f.close() });
    await f.connected();
    expect((await f.command({ type: 'session.next' })).ok).toBe(true);
    await waitFor(() => readControl(doc).state?.currentSessionId === 'pitch');
    const watch = client('control', room.w.tokens.screen);
    await synced(watch);
    expect(watch.doc.getMap('participants').get('intruder')).toBeUndefined();
    expect(closes).toEqual([]);
  });

  it('closes an outdated client with 4426 and accepts one without a version', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const doc = new Y.Doc();
    const old = new WebsocketProvider(room.server.url.replace(/^http/, 'ws') + '/yjs', `${room.w.id}/control`, doc, {
      params: { token: a.token },
      protocols: ['werkplaats', `v.${PROTOCOL_VERSION - 1}`],
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const closed: number[] = [];
    old.on('connection-close', (ev) => ev && closed.push(ev.code));
    room.open.push({ destroy: () => (old.destroy(), doc.destroy()) });
    await waitFor(() => closed.includes(4426));

    const socketOld = (await import('socket.io-client')).io(room.server.url, {
      auth: { token: a.token, protocol: PROTOCOL_VERSION - 1 },
      transports: ['websocket'],
      reconnection: false,
    });
    room.open.push({ destroy: () => socketOld.close() });
    const err = await new Promise<Error>((resolve) => socketOld.once('connect_error', resolve));
    expect(err.message).toBe('outdated');

    const plain = client('control', a.token); // no version at all: accepted
    await synced(plain);
    expect(plain.closes).toEqual([]);
  });

  it('a phone re-sending its stored board copy, with notes of others and of the server in it, is not refused', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha', 0);
    const b = await joinAs(room.server.url, room.w, 'Bert', 0);
    const twin = await joinAs(room.server.url, room.w, 'Bert (2)', 0);
    const group = room.w.groups[0]!.id;
    const phoneB = client('board', b.token);
    const phoneTwin = client('board', twin.token);
    const phoneA = client('board', a.token);
    await Promise.all([phoneA, phoneB, phoneTwin].map(synced));
    phoneB.doc.transact(() =>
      addItem(phoneB.doc, noteItem('nb', b.participantId, { text: 'Van Bert', groupId: group })),
    );
    phoneTwin.doc.transact(() =>
      addItem(phoneTwin.doc, noteItem('nt', twin.participantId, { text: 'Van de tweede Bert', groupId: group })),
    );
    phoneA.doc.transact(() =>
      addItem(phoneA.doc, noteItem('na', a.participantId, { text: 'Van Aïcha', groupId: group })),
    );
    // The room.server writes on the board too (here: a merge gives the note to Bert).
    const merged = await fetch(
      `${room.server.url}/api/workshops/${room.w.id}/participants/${twin.participantId}/merge`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${room.w.tokens.facilitator}` },
        body: JSON.stringify({ into: b.participantId }),
      },
    );
    expect(merged.status).toBe(200);
    await waitFor(() => readItems(phoneA.doc).find((i) => i.id === 'nt')?.authorId === b.participantId);
    await waitFor(() => readItems(phoneA.doc).length === 3);
    const stored = Y.encodeStateAsUpdate(phoneA.doc);
    phoneA.destroy();

    // Aïcha's phone reloads: IndexedDB hands the whole stored copy to y-websocket right after the socket opened.
    const again = client('board', a.token);
    again.provider.on('status', ({ status }) => {
      if (status === 'connected') Y.applyUpdate(again.doc, stored, 'idb');
    });
    await synced(again);
    again.doc.transact(() =>
      addItem(again.doc, noteItem('na2', a.participantId, { text: 'Na het herladen', groupId: group })),
    );
    const screen = client('board', room.w.tokens.screen);
    await waitFor(() => readItems(screen.doc).some((i) => i.id === 'na2'));
    expect(again.closes).toEqual([]);
  });
});
