import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { EVENTS, WS_CLOSE, type CreateWorkshopResponse, type JoinResponse, type Notice } from '../../shared/protocol';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';

/** What the server did with one raw update: refused it (the 4409 close) or applied it (the sync answer came back). */
type Outcome = 'refused' | 'applied' | 'resync' | `closed ${number}`;

/** The update one transaction on a copy of `base` makes, written under `clientID` (a raw Yjs client). */
function craft(base: Y.Doc | null, change: (d: Y.Doc) => void, clientID?: number): Uint8Array {
  const d = new Y.Doc();
  if (clientID !== undefined) d.clientID = clientID;
  if (base) Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(d);
  d.transact(() => change(d));
  return Y.encodeStateAsUpdate(d, before);
}

describe('hostile clients: the guard holds (raw Yjs clients against a real server)', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  let a: JoinResponse;
  let b: JoinResponse;
  const open: Array<{ destroy(): void }> = [];
  const wsUrl = (doc: string, token: string) => `${server.url.replace('http', 'ws')}/yjs/${w.id}/${doc}?token=${token}`;

  /** Sends updates over a raw websocket, then a sync step 1; the step 2 answer means every update was applied. */
  async function send(doc: string, token: string, ...updates: Uint8Array[]): Promise<Outcome> {
    const ws = new WebSocket(wsUrl(doc, token));
    open.push({ destroy: () => ws.terminate() });
    // Listening from the start: the server's first sync step 1 can arrive together with the handshake.
    let stepOnes = 0;
    const outcome = new Promise<Outcome>((resolve) => {
      ws.on('close', (code) => resolve(code === WS_CLOSE.refusedWrite ? 'refused' : `closed ${code}`));
      ws.on('message', (data: Buffer) => {
        // The server's own sync step 1 opens the connection; a second one asks for history the server lacks.
        if (data[0] === 0 && data[1] === 0 && ++stepOnes === 2) {
          resolve('resync');
          ws.close();
        }
        if (data[0] === 0 && data[1] === 1) {
          resolve('applied');
          ws.close();
        }
      });
    });
    await new Promise((r) => ws.on('open', r));
    for (const u of updates) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, u);
      ws.send(encoding.toUint8Array(e));
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
    ws.send(encoding.toUint8Array(e));
    return outcome;
  }
  /** The server's document as a fresh reader (the facilitator) sees it. */
  async function serverDoc(doc = 'board'): Promise<Y.Doc> {
    const r = yClient(server.url, w.id, doc, w.tokens.facilitator);
    open.push(r);
    await synced(r);
    return r.doc;
  }

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    a = await joinAs(server.url, w, 'Aïcha', 0);
    b = await joinAs(server.url, w, 'Bert', 0);
  });
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it('checks an item replaced at its key as a new item: no posting as someone else through a new Y.Map', async () => {
    expect(
      await send(
        'board',
        a.token,
        craft(null, (d) => addItem(d, noteItem('a1', a.participantId))),
      ),
    ).toBe('applied');
    const base = await serverDoc();
    const forged: Array<[string, Record<string, unknown>]> = [
      ['as Bert', noteItem('a1', b.participantId)],
      ['as the facilitator', noteItem('a1', 'facilitator')],
      ['in another group', noteItem('a1', a.participantId, { groupId: w.groups[1]!.id })],
      ['another id', noteItem('zz', a.participantId)],
      ['unknown kind', noteItem('a1', a.participantId, { kind: 'bogus' })],
    ];
    for (const [what, fields] of forged) {
      const u = craft(base, (d) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
        itemsMap(d).set('a1', m);
      });
      expect(await send('board', a.token, u), what).toBe('refused');
    }
    // Replacing with a valid item of one's own is still fine.
    const ok = craft(base, (d) => addItem(d, noteItem('a1', a.participantId, { text: 'opnieuw' })));
    expect(await send('board', a.token, ok)).toBe('applied');
    const after = await serverDoc();
    expect(readItems(after).map((i) => [i.id, i.authorId, i.text])).toEqual([['a1', a.participantId, 'opnieuw']]);
  });

  it('refuses authorId written twice in one update, and content types the guard does not read', async () => {
    const base = await serverDoc();
    // Two concurrent writers (both Aïcha's client ids) set authorId of the same new item: one update, two values.
    const d1 = new Y.Doc();
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(d1);
    d1.transact(() => addItem(d1, noteItem('twice', a.participantId)));
    const d2 = new Y.Doc();
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    const sv2 = Y.encodeStateVector(d2);
    d2.clientID = d1.clientID + 1;
    d2.transact(() => itemsMap(d2).get('twice')!.set('authorId', b.participantId));
    // d1 does not know d2's write: its own second authorId write is concurrent, not an overwrite.
    d1.transact(() => itemsMap(d1).get('twice')!.set('authorId', a.participantId));
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(d1, sv), Y.encodeStateAsUpdate(d2, sv2)]);
    expect(await send('board', a.token, merged)).toBe('refused');

    const contents: Array<[string, (d: Y.Doc) => void]> = [
      ['binary text', (d) => addItem(d, noteItem('bin', a.participantId, { text: new Uint8Array(20_000) }))],
      ['a map as text', (d) => addItem(d, noteItem('map', a.participantId, { text: new Y.Map() }))],
      ['a long Y.Text', (d) => addItem(d, noteItem('long', a.participantId, { text: new Y.Text('x'.repeat(20_000)) }))],
      ['a Y.Text in a note', (d) => addItem(d, noteItem('txt', a.participantId, { text: new Y.Text('kort') }))],
      [
        'an embed in a group text',
        (d) => {
          const t = new Y.Text('Wij');
          addItem(d, {
            ...noteItem('vs-opening-x', a.participantId, { kind: 'visionStatement', groupId: w.groups[0]!.id }),
            text: t,
            editableBy: 'group',
          });
          t.insertEmbed(0, { image: 'x'.repeat(1000) });
        },
      ],
      [
        'a format in a group text',
        (d) => {
          const t = new Y.Text('Wij');
          addItem(d, {
            ...noteItem('vs-opening-y', a.participantId, { kind: 'visionStatement', groupId: w.groups[0]!.id }),
            text: t,
            editableBy: 'group',
          });
          t.format(0, 2, { bold: true });
        },
      ],
    ];
    for (const [what, change] of contents)
      expect(await send('board', a.token, craft(base, change)), what).toBe('refused');
    expect(readItems(await serverDoc())).toEqual([]);
  });

  it('requires the base fields, in range, on every new item', async () => {
    const base = await serverDoc();
    const { sessionId: _s, ...noSession } = noteItem('n3', a.participantId);
    const { updatedAt: _u, ...noUpdated } = noteItem('n4', a.participantId);
    const { id: _i, ...noId } = noteItem('n5', a.participantId);
    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['createdAt 1e20', noteItem('n1', a.participantId, { createdAt: 1e20 }), 'n1'],
      ['createdAt 1', noteItem('n2', a.participantId, { createdAt: 1 }), 'n2'],
      ['no sessionId', noSession, 'n3'],
      ['no updatedAt', noUpdated, 'n4'],
      ['no id', noId, 'n5'],
      ['an id of the wrong shape', noteItem('a b<c>', a.participantId), 'a b<c>'],
      ['an unknown session', noteItem('n6', a.participantId, { sessionId: 'elders' }), 'n6'],
      ['created hidden', noteItem('n7', a.participantId, { hidden: true }), 'n7'],
    ];
    for (const [what, fields, key] of bad) {
      const u = craft(base, (d) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
        itemsMap(d).set(key, m);
      });
      expect(await send('board', a.token, u), what).toBe('refused');
    }
    expect(readItems(await serverDoc())).toEqual([]);
  });

  it('does not let an author show what the facilitator hid; their own hiding they may undo', async () => {
    expect(
      await send(
        'board',
        a.token,
        craft(null, (d) => addItem(d, noteItem('a1', a.participantId))),
      ),
    ).toBe('applied');
    const hideOwn = (base: Y.Doc, hidden: boolean) =>
      craft(base, (d) => {
        itemsMap(d).get('a1')!.set('hidden', hidden);
        itemsMap(d).get('a1')!.set('updatedAt', Date.now());
      });
    expect(await send('board', a.token, hideOwn(await serverDoc(), true))).toBe('applied');
    expect(await send('board', a.token, hideOwn(await serverDoc(), false))).toBe('applied');
    expect(await send('board', w.tokens.facilitator, hideOwn(await serverDoc(), true))).toBe('applied');
    expect(await send('board', a.token, hideOwn(await serverDoc(), false))).toBe('refused');
    expect(
      itemsMap(await serverDoc())
        .get('a1')
        ?.get('hidden'),
    ).toBe(true);
  });

  it('gives a participant few new client ids; a refused update claims none', async () => {
    let base = await serverDoc();
    // A refused update under client id 4242 does not claim it: Bert may use it afterwards.
    expect(
      await send(
        'board',
        a.token,
        craft(base, (d) => addItem(d, noteItem('x', b.participantId)), 4242),
      ),
    ).toBe('refused');
    expect(
      await send(
        'board',
        b.token,
        craft(base, (d) => addItem(d, noteItem('b1', b.participantId)), 4242),
      ),
    ).toBe('applied');
    // Page loads: ten new client ids a minute, then refused.
    for (let i = 0; i < LIMITS.newClientsPerMinute; i++) {
      base = await serverDoc();
      expect(
        await send(
          'board',
          a.token,
          craft(base, (d) => addItem(d, noteItem(`p${i}`, a.participantId))),
        ),
      ).toBe('applied');
    }
    base = await serverDoc();
    expect(
      await send(
        'board',
        a.token,
        craft(base, (d) => addItem(d, noteItem('p-last', a.participantId))),
      ),
    ).toBe('refused');
    // Junk from thousands of client ids in one update (GC structs after a delete): refused, the state vector stays small.
    const junk = Y.mergeUpdates(
      Array.from({ length: 2000 }, (_, i) =>
        craft(
          null,
          (d) => {
            d.getText('x').insert(0, 'x');
            d.getText('x').delete(0, 1);
          },
          1_000_000 + i,
        ),
      ),
    );
    expect(await send(`own/${a.participantId}`, a.token, junk)).toBe('refused');
    const own = await serverDoc(`own/${a.participantId}`);
    expect(Y.encodeStateVector(own).length).toBeLessThan(100);
  });

  it('bounds structs and delete ranges per update, and refuses 150,000 delete ranges quickly', async () => {
    const many = craft(null, (d) => {
      const t = d.getText('x');
      for (let i = 0; i <= LIMITS.structsPerUpdate; i++) t.insert(0, 'x');
    });
    expect(Y.decodeUpdate(many).structs.length).toBeGreaterThan(LIMITS.structsPerUpdate);
    expect(await send(`own/${a.participantId}`, a.token, many)).toBe('refused');
    // A delete set of 150,000 ranges (about 450 KB), encoded by hand: no structs, one client, (clock, len) pairs.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 123456);
    encoding.writeVarUint(e, 150_000);
    for (let i = 0; i < 150_000; i++) {
      encoding.writeVarUint(e, i * 2);
      encoding.writeVarUint(e, 1);
    }
    const onlyDeletes = encoding.toUint8Array(e);
    expect(Y.decodeUpdate(onlyDeletes).ds.clients.get(123456)).toHaveLength(150_000);
    expect(onlyDeletes.length).toBeLessThan(LIMITS.message);
    const t0 = performance.now();
    expect(await send(`own/${a.participantId}`, a.token, onlyDeletes)).toBe('refused');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('never holds an update with a gap: later filler cannot make it apply unchecked (every document kind)', async () => {
    for (const [doc, token, author, tag] of [
      [`own/${a.participantId}`, a.token, a.participantId, 'own'],
      ['board', a.token, a.participantId, 'board'],
      ['research', w.tokens.researcher, 'researcher', 'research'],
    ] as const) {
      const d = new Y.Doc();
      const s0 = Y.encodeStateVector(d);
      d.transact(() => addItem(d, noteItem(`first-${tag}`, author)));
      const filler = Y.encodeStateAsUpdate(d, s0);
      const s1 = Y.encodeStateVector(d);
      d.transact(() => addItem(d, noteItem(`held-${tag}`, author)));
      const gapped = Y.encodeStateAsUpdate(d, s1);
      // Not applied and not held: the server asks for the missing history (its sync step 1) instead of refusing.
      expect(await send(doc, token, gapped), doc).toBe('resync');
      expect(await send(doc, token, filler), doc).toBe('applied');
      const after = await serverDoc(doc);
      expect(itemsMap(after).has(`first-${tag}`), doc).toBe(true);
      expect(itemsMap(after).has(`held-${tag}`), doc).toBe(false);
      expect(after.store.pendingStructs, doc).toBeNull();
    }
  });

  it("applies the item rules to a participant's own drafts document, with the item size limit", async () => {
    const own = `own/${a.participantId}`;
    expect(
      await send(
        own,
        a.token,
        craft(null, (d) => addItem(d, noteItem('d1', b.participantId))),
      ),
    ).toBe('refused');
    expect(
      await send(
        own,
        a.token,
        craft(null, (d) => addItem(d, noteItem('d2', a.participantId, { text: 'x'.repeat(501) }))),
      ),
    ).toBe('refused');
    expect(
      await send(
        own,
        a.token,
        craft(null, (d) => d.getText('junk').insert(0, 'x'.repeat(100_000))),
      ),
    ).toBe('refused');
    expect(
      await send(
        own,
        a.token,
        craft(null, (d) => addItem(d, noteItem('d3', a.participantId))),
      ),
    ).toBe('applied');
    // One item grows field by field (each field within its own limit) until the item limit refuses it.
    let outcome: Outcome = 'applied';
    let fields = 0;
    while (outcome === 'applied' && fields < 20) {
      const base = await serverDoc(own);
      outcome = await send(
        own,
        a.token,
        craft(base, (d) => itemsMap(d).get('d3')!.set(`x${fields++}`, 'y'.repeat(10_000))),
      );
    }
    expect(outcome).toBe('refused');
    expect(fields).toBeLessThanOrEqual(Math.ceil(LIMITS.itemBytes / 10_000) + 1);
  });

  it('counts new items per participant across connections, not per connection', async () => {
    await server.close();
    server = await startServer({ limits: { itemsPerMinute: 6 } });
    w = await createWorkshop(server.url, server.organiserKey);
    a = await joinAs(server.url, w, 'Aïcha', 0);
    const io = ioClient(server.url, a.token);
    open.push({ destroy: io.close });
    await io.connected();
    const told: Notice[] = [];
    io.socket.on(EVENTS.notice, (n: Notice) => told.push(n));
    expect(
      await send(
        'board',
        a.token,
        craft(null, (d) => Array.from({ length: 6 }, (_, i) => addItem(d, noteItem(`i${i}`, a.participantId)))),
      ),
    ).toBe('applied');
    // A new connection (a reconnect) does not get a fresh minute's worth: its item waits its turn.
    const base = await serverDoc();
    void send(
      'board',
      a.token,
      craft(base, (d) => addItem(d, noteItem('next', a.participantId))),
    );
    await waitFor(() => told.some((n) => n.code === 'slow_down'));
    await waitFor(async () => itemsMap(await serverDoc()).has('next'), { timeout: 20_000 });
  });

  it('drops awareness from read-only links and oversized awareness from anyone', async () => {
    const phone = yClient(server.url, w.id, 'board', a.token);
    open.push(phone);
    await synced(phone);
    const seen: number[] = [];
    phone.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) =>
      seen.push(...added, ...updated),
    );
    const sendAwareness = async (token: string, clientID: number, state: Record<string, unknown>) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      const aw = new awarenessProtocol.Awareness(doc);
      aw.setLocalState(state);
      const ws = new WebSocket(wsUrl('board', token));
      open.push({ destroy: () => ws.terminate() });
      await new Promise((r) => ws.on('open', r));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(aw, [clientID]));
      ws.send(encoding.toUint8Array(e));
    };
    await sendAwareness(w.tokens.screen, 7001, { name: 'scherm' });
    await sendAwareness(b.token, 7002, { blob: 'x'.repeat(LIMITS.awarenessBytes * 4) });
    await sendAwareness(b.token, 7003, { name: 'Bert' });
    await waitFor(() => seen.includes(7003));
    expect(seen).not.toContain(7001);
    expect(seen).not.toContain(7002);
  });
});

describe('exercise rules the server enforces (raw Yjs clients against a real server)', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  let a: JoinResponse;
  let b: JoinResponse;
  const open: Array<{ destroy(): void }> = [];
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    a = await joinAs(server.url, w, 'Aïcha', 0);
    b = await joinAs(server.url, w, 'Bert', 0);
  });
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });
  const phone = async (token: string) => {
    const c = yClient(server.url, w.id, 'board', token);
    open.push(c);
    await synced(c);
    return c;
  };
  const refused = (c: ReturnType<typeof yClient>) =>
    waitFor(() => c.closes.some((x) => x.code === WS_CLOSE.refusedWrite));
  const facilitator = async () => {
    const f = ioClient(server.url, w.tokens.facilitator);
    open.push({ destroy: f.close });
    await f.connected();
    return f;
  };

  it('does not let one member delete a group text others wrote in; staff may', async () => {
    const pa = await phone(a.token);
    const id = 'vs-opening-g';
    pa.doc.transact(() =>
      addItem(pa.doc, {
        ...noteItem(id, a.participantId, { kind: 'visionStatement', groupId: w.groups[0]!.id }),
        text: new Y.Text('Wij'),
        editableBy: 'group',
      }),
    );
    const pb = await phone(b.token);
    await waitFor(() => itemsMap(pb.doc).has(id));
    (itemsMap(pb.doc).get(id)!.get('text') as Y.Text).insert(3, ' samen');
    await waitFor(() => String(itemsMap(pa.doc).get(id)?.get('text')) === 'Wij samen');
    pa.doc.transact(() => itemsMap(pa.doc).delete(id));
    await refused(pa);
    const check = await phone(w.tokens.researcher);
    expect(String(itemsMap(check.doc).get(id)?.get('text'))).toBe('Wij samen');
    // A group text only its creator wrote in, the creator may delete.
    const pa2 = await phone(a.token);
    const own = 'vs-opening-own';
    pa2.doc.transact(() =>
      addItem(pa2.doc, {
        ...noteItem(own, a.participantId, { kind: 'visionStatement', groupId: w.groups[0]!.id }),
        text: new Y.Text('Alleen ik'),
        editableBy: 'group',
      }),
    );
    await waitFor(() => itemsMap(check.doc).has(own));
    pa2.doc.transact(() => itemsMap(pa2.doc).delete(own));
    await waitFor(() => !itemsMap(check.doc).has(own));
    check.doc.transact(() => itemsMap(check.doc).delete(id));
    await waitFor(() => !itemsMap(pb.doc).has(id));
    expect(check.closes).toEqual([]);
  });

  it('enforces the input lock: new writes are refused, what was written before the lock still arrives', async () => {
    const f = await facilitator();
    const pa = await phone(a.token);
    // Written offline before the lock, delivered after it.
    pa.provider.disconnect();
    pa.doc.transact(() => addItem(pa.doc, noteItem('before', a.participantId, { updatedAt: Date.now() - 1000 })));
    expect(await f.command({ type: 'input.lock', locked: true })).toEqual({ ok: true });
    pa.provider.connect();
    const check = await phone(w.tokens.researcher);
    await waitFor(() => itemsMap(check.doc).has('before'));
    pa.doc.transact(() => addItem(pa.doc, noteItem('during', a.participantId)));
    await refused(pa);
    expect(await f.command({ type: 'input.lock', locked: false })).toEqual({ ok: true });
    const again = await phone(a.token);
    again.doc.transact(() => addItem(again.doc, noteItem('after', a.participantId)));
    await waitFor(() => itemsMap(check.doc).has('after'));
    expect(itemsMap(check.doc).has('during')).toBe(false);
  });

  it('takes new items in the current session and the one just left (offline phones), not in others', async () => {
    const f = await facilitator();
    const pa = await phone(a.token);
    pa.provider.disconnect();
    pa.doc.transact(() => addItem(pa.doc, noteItem('queued', a.participantId, { sessionId: 'opening' })));
    expect(await f.command({ type: 'session.next' })).toEqual({ ok: true });
    pa.provider.connect();
    const check = await phone(w.tokens.researcher);
    await waitFor(() => itemsMap(check.doc).has('queued'));
    const pb = await phone(b.token);
    pb.doc.transact(() => addItem(pb.doc, noteItem('future', b.participantId, { sessionId: 'boom' })));
    await refused(pb);
    expect(itemsMap(check.doc).has('future')).toBe(false);
  });
});
