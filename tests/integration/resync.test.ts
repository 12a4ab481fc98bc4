import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { missingDependencies as lacksHistory } from '../../server/sync/guard/applicable';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';

/** A raw y-websocket connection: what it is sent, decoded to [type, sync type], and how it was closed. */
function rawClient(url: string) {
  const ws = new WebSocket(url);
  const got: Array<{ type: number; sub: number | null; body: Uint8Array | null }> = [];
  let closed: number | null = null;
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    const sub = type === 0 ? decoding.readVarUint(d) : null;
    got.push({ type, sub, body: type === 0 ? decoding.readVarUint8Array(d) : null });
  });
  ws.on('close', (code) => (closed = code));
  const send = (sub: number, body: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, body);
    ws.send(encoding.toUint8Array(e));
  };
  return { ws, got, closed: () => closed, send, open: new Promise((r) => ws.on('open', r)) };
}

describe('an update that depends on history the server lacks is a resync, not a refusal', () => {
  let server: TestServer;
  const open: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  for (const kind of ['board', 'own'] as const) {
    it(`${kind}: the server asks with its sync step 1, takes the answer, and never closes with 4409`, async () => {
      server = await startServer();
      const w = await createWorkshop(server.url, server.organiserKey);
      const a = await joinAs(server.url, w, 'Aïcha');
      const docName = kind === 'board' ? 'board' : `own/${a.participantId}`;
      // The phone's document: a note the server never got (lost in a crash), then an edit of it.
      const phone = new Y.Doc();
      phone.transact(() => addItem(phone, noteItem('verloren', a.participantId)));
      let edit: Uint8Array | null = null;
      phone.on('update', (u: Uint8Array) => (edit = u));
      itemsMap(phone).get('verloren')?.set('text', 'bijgewerkt');
      expect(edit).not.toBeNull();

      const raw = rawClient(`${server.url.replace('http', 'ws')}/yjs/${w.id}/${docName}?token=${a.token}`);
      await raw.open;
      // The server's own sync step 1 at the start, then our (dependent) update alone.
      await waitFor(() => raw.got.some((m) => m.type === 0 && m.sub === 0));
      const stepOnes = () => raw.got.filter((m) => m.type === 0 && m.sub === 0);
      raw.send(2, edit!);
      // Answered with another sync step 1 (a resync request), not a close.
      await waitFor(() => stepOnes().length === 2);
      expect(raw.closed()).toBeNull();
      // The phone answers as y-websocket does: a sync step 2 from the server's state vector.
      raw.send(1, Y.encodeStateAsUpdate(phone, stepOnes()[1]!.body!));
      const reader = yClient(server.url, w.id, docName, kind === 'board' ? w.tokens.researcher : a.token);
      open.push(reader);
      await synced(reader);
      await waitFor(() => itemsMap(reader.doc).get('verloren')?.get('text') === 'bijgewerkt');
      expect(raw.closed()).toBeNull();
      raw.ws.close();
    });
  }

  it('asks at most resyncsPerMinute times per connection, then closes with 1013 (reconnect), not 4409', async () => {
    server = await startServer({ limits: { resyncsPerMinute: 3 } });
    const w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Aïcha');
    const raw = rawClient(`${server.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${a.token}`);
    await raw.open;
    await waitFor(() => raw.got.length > 0);
    for (let i = 0; i < 4; i++) {
      const phone = new Y.Doc();
      phone.transact(() => addItem(phone, noteItem(`n${i}`, a.participantId)));
      let edit: Uint8Array | null = null;
      phone.on('update', (u: Uint8Array) => (edit = u));
      itemsMap(phone).get(`n${i}`)?.set('text', 'x');
      raw.send(2, edit!);
      // A sync step 2 that brings nothing ends the outstanding request, so the next update asks again.
      await waitFor(() => raw.got.filter((m) => m.sub === 0).length >= Math.min(i + 2, 4) || raw.closed() !== null);
      raw.send(1, Y.encodeStateAsUpdate(new Y.Doc()));
    }
    await waitFor(() => raw.closed() !== null);
    expect(raw.closed()).toBe(1013);
  });

  it('lacksHistory: gaps, missing origins and deletes beyond the state; a connected update passes', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getMap('m').set('a', 1);
    client.getMap('m').set('a', 2); // origin: the first
    client.getText('t').insert(0, 'ab');
    client.getText('t').delete(0, 1);
    const [first, second, third, del] = updates.map((u) => Y.decodeUpdate(u));
    expect(lacksHistory(server, first!)).toBe(false);
    expect(lacksHistory(server, second!)).toBe(true);
    Y.applyUpdate(server, updates[0]!);
    expect(lacksHistory(server, second!)).toBe(false);
    expect(lacksHistory(server, third!)).toBe(true); // starts past the server's clock
    expect(lacksHistory(server, del!)).toBe(true);
    expect(lacksHistory(server, Y.decodeUpdate(Y.mergeUpdates(updates.slice(1))))).toBe(false);
  });
});
