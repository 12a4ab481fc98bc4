import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { addItem, itemsMap, patchItem, readItems } from '../../shared/boardDoc';
import { EVENTS, WS_CLOSE, type CreateWorkshopResponse, type JoinResponse, type Notice } from '../../shared/protocol';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

const item = (id: string, authorId: string | null, groupId: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'note',
  sessionId: 'opening',
  groupId,
  authorId,
  createdAt: Date.now(),
  updatedAt: Date.now(),
  text: 'Zij kennen de families',
  ...extra,
});

describe('own content only (enforced by the server)', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  let a: JoinResponse;
  let b: JoinResponse;
  let c: JoinResponse;
  const open: Array<{ destroy(): void }> = [];
  const board = (token: string) => {
    const cl = yClient(server.url, w.id, 'board', token);
    open.push(cl);
    return cl;
  };
  const notices = async (token: string) => {
    const io = ioClient(server.url, token);
    open.push({ destroy: io.close });
    await io.connected();
    const got: Notice[] = [];
    io.socket.on(EVENTS.notice, (n: Notice) => got.push(n));
    return got;
  };
  /** The server's board as a fresh reader sees it. */
  const serverBoard = async () => {
    const r = board(w.tokens.researcher);
    await synced(r);
    return r;
  };
  /** A marker written after the refused change, so "never arrived" is not just "not arrived yet". */
  const marker = async (watchers: YClient[]) => {
    const f = board(w.tokens.facilitator);
    await synced(f);
    const id = `marker-${Math.random()}`;
    f.doc.transact(() => addItem(f.doc, item(id, 'facilitator', null)));
    for (const wc of watchers) await waitFor(() => itemsMap(wc.doc).has(id));
  };
  const refusedWith = (cl: YClient) => waitFor(() => cl.closes.some((x) => x.code === WS_CLOSE.refusedWrite));

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    a = await joinAs(server.url, w, 'Aïcha', 0);
    b = await joinAs(server.url, w, 'Bert', 0);
    c = await joinAs(server.url, w, 'Chris', 1);
  });
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it("refuses deleting, overwriting or replacing another participant's item; nothing reaches anyone else", async () => {
    const phoneA = board(a.token);
    const screen = board(w.tokens.screen);
    await Promise.all([phoneA, screen].map(synced));
    phoneA.doc.transact(() => addItem(phoneA.doc, item('a1', a.participantId, w.groups[0]!.id)));
    await waitFor(() => itemsMap(screen.doc).has('a1'));

    const attacks: Array<[string, (d: Y.Doc) => void]> = [
      ['delete', (d) => itemsMap(d).delete('a1')],
      ['overwrite a field', (d) => itemsMap(d).get('a1')?.set('text', 'overgeschreven')],
      ['replace the item', (d) => addItem(d, item('a1', b.participantId, w.groups[0]!.id, { text: 'van mij' }))],
      ['hide it', (d) => patchItem(d, 'a1', { hidden: true }, Date.now())],
    ];
    for (const [what, attack] of attacks) {
      const told = await notices(b.token);
      const phoneB = board(b.token);
      await synced(phoneB);
      phoneB.doc.transact(() => attack(phoneB.doc));
      await refusedWith(phoneB);
      await waitFor(() => told.some((n) => n.code === 'refused' && n.doc === 'board'));
      await marker([screen, phoneA]);
      const onServer = await serverBoard();
      expect(
        readItems(onServer.doc).find((i) => i.id === 'a1'),
        what,
      ).toMatchObject({
        text: 'Zij kennen de families',
        authorId: a.participantId,
      });
      expect(readItems(screen.doc).find((i) => i.id === 'a1')?.hidden, what).toBeUndefined();
      expect(phoneA.closes, what).toEqual([]);
    }
  });

  it('lets a participant change and delete their own items, and staff moderate anyone', async () => {
    const phoneA = board(a.token);
    const fac = board(w.tokens.facilitator);
    await Promise.all([phoneA, fac].map(synced));
    phoneA.doc.transact(() => {
      addItem(phoneA.doc, item('a1', a.participantId, w.groups[0]!.id));
      addItem(phoneA.doc, item('a2', a.participantId, null));
    });
    await waitFor(() => itemsMap(fac.doc).has('a2'));
    phoneA.doc.transact(() => patchItem(phoneA.doc, 'a1', { text: 'Bijgewerkt' }, Date.now()));
    phoneA.doc.transact(() => itemsMap(phoneA.doc).delete('a2'));
    await waitFor(() => !itemsMap(fac.doc).has('a2') && itemsMap(fac.doc).get('a1')?.get('text') === 'Bijgewerkt');
    fac.doc.transact(() => patchItem(fac.doc, 'a1', { hidden: true }, Date.now()));
    await waitFor(() => itemsMap(phoneA.doc).get('a1')?.get('hidden') === true);
    expect(phoneA.closes).toEqual([]);
    expect(fac.closes).toEqual([]);
  });

  it("refuses items written as someone else or in another group's space", async () => {
    const cases: Array<[string, ReturnType<typeof item>]> = [
      ['as someone else', item('x1', b.participantId, w.groups[0]!.id)],
      ['without author', item('x2', null, w.groups[0]!.id)],
      ['in another group', item('x3', a.participantId, w.groups[1]!.id)],
      ['id not its key', { ...item('x4', a.participantId, null), id: 'other' }],
      ['text too long', item('x5', a.participantId, null, { text: 'x'.repeat(501) })],
    ];
    for (const [what, bad] of cases) {
      const phoneA = board(a.token);
      await synced(phoneA);
      phoneA.doc.transact(() => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(bad)) m.set(k, v);
        itemsMap(phoneA.doc).set(what === 'id not its key' ? 'x4' : bad.id, m);
      });
      await refusedWith(phoneA);
    }
    const onServer = await serverBoard();
    expect(readItems(onServer.doc)).toEqual([]);
    // Plenary (no group) and own-group items are fine.
    const phoneA = board(a.token);
    await synced(phoneA);
    phoneA.doc.transact(() => {
      addItem(phoneA.doc, item('ok1', a.participantId, null));
      addItem(phoneA.doc, item('ok2', a.participantId, w.groups[0]!.id));
    });
    await waitFor(() => itemsMap(onServer.doc).has('ok2') && itemsMap(onServer.doc).has('ok1'));
  });

  it("lets a group edit its group item's shared text; other groups may not", async () => {
    const fac = board(w.tokens.facilitator);
    await synced(fac);
    fac.doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(item('pitch-g0', null, w.groups[0]!.id, { kind: 'pitch', text: undefined })))
        if (v !== undefined) m.set(k, v);
      m.set('editableBy', 'group');
      m.set('body', new Y.Text('Wij zijn'));
      itemsMap(fac.doc).set('pitch-g0', m);
    });
    const phoneB = board(b.token);
    const phoneC = board(c.token);
    await Promise.all([phoneB, phoneC].map(synced));
    await waitFor(() => itemsMap(phoneB.doc).has('pitch-g0') && itemsMap(phoneC.doc).has('pitch-g0'));
    const text = (cl: YClient) => itemsMap(cl.doc).get('pitch-g0')?.get('body') as Y.Text;
    text(phoneB).insert(8, ' Utrecht');
    await waitFor(() => text(fac).toString() === 'Wij zijn Utrecht');
    // A member may not take the item over, and another group may not write in it.
    phoneB.doc.transact(() => itemsMap(phoneB.doc).get('pitch-g0')?.set('groupId', w.groups[1]!.id));
    await refusedWith(phoneB);
    text(phoneC).insert(0, 'Niet ');
    await refusedWith(phoneC);
    await marker([fac]);
    expect(text(fac).toString()).toBe('Wij zijn Utrecht');
    expect(itemsMap(fac.doc).get('pitch-g0')?.get('groupId')).toBe(w.groups[0]!.id);
  });

  it('refuses a client id already claimed by another participant, also after a restart', async () => {
    const phoneA = board(a.token);
    await synced(phoneA);
    phoneA.doc.transact(() => addItem(phoneA.doc, item('a1', a.participantId, null)));
    const stolen = phoneA.doc.clientID;
    await marker([phoneA]);
    for (const x of open.splice(0)) x.destroy();
    const { dataDir } = server;
    await server.close();
    server = await startServer({ dataDir });

    const phoneB = board(b.token);
    await synced(phoneB);
    // A doc that writes under Aïcha's client id; its update reaches the server through Bert's connection.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(phoneB.doc));
    forger.clientID = stolen;
    forger.on('update', (u: Uint8Array) => Y.applyUpdate(phoneB.doc, u));
    forger.transact(() => addItem(forger, item('b1', b.participantId, null)));
    await refusedWith(phoneB);
    const onServer = await serverBoard();
    await marker([onServer]);
    expect(itemsMap(onServer.doc).has('b1')).toBe(false);
    expect(readItems(onServer.doc).filter((i) => i.id === 'a1')).toHaveLength(1);
  });

  it('refuses a hand-crafted update that deletes another participant item, sent over a raw websocket', async () => {
    const phoneA = board(a.token);
    await synced(phoneA);
    phoneA.doc.transact(() => addItem(phoneA.doc, item('a1', a.participantId, null)));
    const onServer = await serverBoard();
    await waitFor(() => itemsMap(onServer.doc).has('a1'));

    // Craft the deletion from a copy of the server's state: only a delete set, no structs.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(onServer.doc));
    const before = Y.encodeStateVector(copy);
    let forged: Uint8Array | null = null;
    copy.on('update', (u: Uint8Array) => (forged = u));
    itemsMap(copy).delete('a1');
    expect(forged).not.toBeNull();
    expect(Y.decodeUpdate(forged!).structs).toHaveLength(0);
    void before;

    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${b.token}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((r) => ws.on('open', r));
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeUpdate(enc, forged!);
    ws.send(encoding.toUint8Array(enc));
    expect(await closed).toBe(WS_CLOSE.refusedWrite);
    await marker([onServer]);
    expect(itemsMap(onServer.doc).has('a1')).toBe(true);
  });
});
