import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { DocHub } from '../../server/sync/DocHub';
import { LiveDoc, type DocListener } from '../../server/sync/LiveDoc';

/** A listener that keeps the Yjs updates it is sent (message type 0, sync update) and applies them to its own doc. */
function recorder(doc = new Y.Doc()): DocListener & { doc: Y.Doc; updates: number } {
  const r = {
    doc,
    updates: 0,
    ownAwareness: () => undefined,
    send(message: Uint8Array) {
      const d = decoding.createDecoder(message);
      if (decoding.readVarUint(d) !== 0) return;
      decoding.readVarUint(d); // sync message type: update
      r.updates++;
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    },
  };
  return r;
}

describe('LiveDoc relay', () => {
  it('stores an update that arrives while an earlier one is on its way to disk at once, and relays both in order', async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    // The first append waits for a slow disk (held until released); the ones after it are not held.
    let release!: () => void;
    const slowDisk = new Promise<void>((resolve) => (release = resolve));
    const appended: string[] = [];
    const append = storage.appendUpdate.bind(storage);
    storage.appendUpdate = async (doc, data, actor, ts) => {
      const nth = appended.push(actor);
      const seq = await append(doc, data, actor, ts);
      if (nth === 1) await slowDisk;
      return seq;
    };
    const live = await new DocHub(storage).get('w/board');
    const screen = recorder();
    const order: string[] = [];
    screen.doc.getMap('items').observe((e) => order.push(...e.keysChanged));
    live.listeners.add(screen);

    const first = new Y.Doc();
    first.getMap('items').set('a', 'eerste');
    live.applyClientUpdate(Y.encodeStateAsUpdate(first), { actor: 'participant:p1' }, Promise.resolve());
    await expect.poll(() => appended).toEqual(['participant:p1']);
    const second = new Y.Doc();
    second.getMap('items').set('b', 'tweede');
    live.applyClientUpdate(Y.encodeStateAsUpdate(second), { actor: 'participant:p2' }, Promise.resolve());
    // The second is stored without waiting for the first to reach the disk …
    await expect.poll(async () => (await storage.readLog('w/board')).length).toBe(2);
    expect(appended).toEqual(['participant:p1', 'participant:p2']);
    // … but nothing is relayed before the first is stored: then both, the first first.
    expect(screen.updates).toBe(0);
    release();
    await live.idle();
    expect(order).toEqual(['a', 'b']);
    expect(screen.doc.getMap('items').toJSON()).toEqual({ a: 'eerste', b: 'tweede' });
    await storage.close();
  });

  it('when the first of two batches under way fails, both are stored again and relayed in order', async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    let fail!: () => void;
    const diskError = new Promise<void>((resolve) => (fail = resolve));
    let calls = 0;
    const append = storage.appendUpdate.bind(storage);
    storage.appendUpdate = async (doc, data, actor, ts) => {
      const nth = ++calls;
      if (nth === 1) {
        await diskError;
        throw new Error('disk error');
      }
      return append(doc, data, actor, ts);
    };
    const live = await new DocHub(storage).get('w/board');
    const screen = recorder();
    // What each relayed message brought, in the order they came.
    const messages: string[][] = [];
    screen.doc.getMap('items').observe((e) => messages.push([...e.keysChanged].sort()));
    live.listeners.add(screen);
    for (const [key, actor] of [
      ['a', 'participant:p1'],
      ['b', 'participant:p2'],
    ] as const) {
      const d = new Y.Doc();
      d.getMap('items').set(key, actor);
      live.applyClientUpdate(Y.encodeStateAsUpdate(d), { actor }, Promise.resolve());
      await expect.poll(() => calls).toBeGreaterThanOrEqual(key === 'a' ? 1 : 2);
    }
    expect(screen.updates).toBe(0);
    fail();
    await live.idle();
    // The first batch first: alone, or with the second in one merged message after the retry.
    expect(messages[0]).toContain('a');
    expect(messages.flat().sort()).toEqual(['a', 'b']);
    expect(live.storageFailing).toBe(false);
    // Everything is in the log (the second batch possibly twice: Yjs applies it twice as once).
    const stored = new Y.Doc();
    for (const u of await storage.readLog('w/board')) Y.applyUpdate(stored, u.data);
    expect(stored.getMap('items').toJSON()).toEqual({ a: 'participant:p1', b: 'participant:p2' });
    await storage.close();
  });

  it('sends one update to everyone but its writer, and a batch merged as one message to everyone', async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    const live = await new DocHub(storage).get('w/board');
    const phoneA = new Y.Doc();
    const phones = Array.from({ length: 5 }, () => new Y.Doc());
    // Each phone's listener applies what it is sent to that phone's own document.
    const [a, b, screen] = [recorder(phoneA), recorder(phones[0]), recorder()];
    for (const l of [a, b, screen]) live.listeners.add(l);

    // One update on its own: the writer is not sent its own change.
    phoneA.getMap('items').set('x', 'van A');
    Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(phoneA), a);
    await live.idle();
    expect([a.updates, b.updates, screen.updates]).toEqual([0, 1, 1]);

    // Several updates stored in one group commit (a room posting at once) go out as one message each.
    // Several updates that arrive before the server stores them (a room posting at once) are one batch: stored
    // in one commit and sent as one merged message, to their writers too (b wrote the first).
    for (const [i, d] of phones.entries()) {
      d.getMap('items').set(`n${i}`, `notitie ${i}`);
      Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(d), i === 0 ? b : null);
    }
    await live.idle();
    expect([a.updates, b.updates, screen.updates]).toEqual([1, 2, 2]);
    for (const l of [a, b, screen]) {
      expect(l.doc.getMap('items').toJSON()).toEqual(live.doc.getMap('items').toJSON());
    }
    const log = await storage.readLog('w/board');
    expect(log).toHaveLength(6);
    await storage.close();
  });

  it("relays a client's update only once what the guard stored for it is stored; a failed claim holds it for a retry", async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    const live = await new DocHub(storage).get('w/board');
    const screen = recorder();
    live.listeners.add(screen);
    const writer = { actor: 'participant:p1' };
    let store!: () => void;
    const claim = new Promise<void>((resolve) => (store = resolve));

    const phone = new Y.Doc();
    phone.getMap('items').set('x', 'eerste');
    live.applyClientUpdate(Y.encodeStateAsUpdate(phone), writer, claim);
    // The update itself is stored; its claim is not yet.
    await expect.poll(async () => (await storage.readLog('w/board')).length).toBe(1);
    expect(screen.updates).toBe(0);
    store();
    await live.idle();
    expect(screen.doc.getMap('items').get('x')).toBe('eerste');

    const other = new Y.Doc();
    other.getMap('items').set('y', 'tweede');
    const failed = Promise.reject(new Error('disk full'));
    failed.catch(() => undefined);
    live.applyClientUpdate(Y.encodeStateAsUpdate(other), writer, failed);
    // The attempt failed: nothing relayed, the update held in memory and retried.
    await live.settled();
    expect(live.storageFailing).toBe(true);
    expect(screen.doc.getMap('items').get('y')).toBeUndefined();
    expect(live.storageError).toBeInstanceOf(Error);
    // The retry stores it (the guard forgot the failed claim: the client's next update claims its id again).
    await live.idle();
    expect(screen.doc.getMap('items').get('y')).toBe('tweede');
    expect(live.storageFailing).toBe(false);
    await storage.close();
  });
});

/** A listener that keeps what it is told: 100 for an ack, 101 for notStored, 0 for a sync message. */
function writerListener(): DocListener & { actor: string; types: number[]; recovered: () => void; recoveries: number } {
  const w = {
    actor: 'participant:p1',
    types: [] as number[],
    recoveries: 0,
    ownAwareness: () => undefined,
    send(message: Uint8Array) {
      w.types.push(decoding.createDecoder(message).arr[0]!);
    },
    recovered() {
      w.recoveries++;
    },
    acknowledge() {
      w.types.push(100);
    },
    notStored() {
      w.types.push(101);
    },
  };
  return w;
}

describe('LiveDoc storage failures', () => {
  it('keeps a failed batch in order, tells its writer, retries, then relays and acknowledges', async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    let failures = 3;
    const append = storage.appendUpdate.bind(storage);
    storage.appendUpdate = (...args) => (failures-- > 0 ? Promise.reject(new Error('SQLITE_FULL')) : append(...args));
    const live = await new DocHub(storage).get('w/board');
    const writer = writerListener();
    const screen = recorder();
    live.listeners.add(writer);
    live.listeners.add(screen);
    const phone = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      phone.getMap('items').set(`n${i}`, i);
      live.applyClientUpdate(Y.encodeStateAsUpdate(phone), writer, Promise.resolve());
    }
    await live.settled();
    expect(writer.types.filter((t) => t === 100)).toHaveLength(0);
    await live.idle();
    // Told once per outage, acknowledged once stored (one group commit); every update stored, in order.
    expect(writer.types.filter((t) => t === 101)).toHaveLength(1);
    expect(writer.types.filter((t) => t === 100)).toHaveLength(1);
    expect(screen.doc.getMap('items').toJSON()).toEqual({ n0: 0, n1: 1, n2: 2, n3: 3, n4: 4 });
    const reloaded = await new DocHub(storage).get('w/board');
    expect(reloaded.doc.getMap('items').toJSON()).toEqual({ n0: 0, n1: 1, n2: 2, n3: 3, n4: 4 });
    expect(writer.recoveries).toBe(1);
    await storage.close();
  });

  it('holds at most its bound in memory while storage fails: then it is full (writes are turned away) until stored', async () => {
    const storage = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-relay-')));
    let failing = true;
    const append = storage.appendUpdate.bind(storage);
    storage.appendUpdate = (...args) => (failing ? Promise.reject(new Error('SQLITE_FULL')) : append(...args));
    const live = new LiveDoc('w/board', storage, 2000);
    await live.load();
    const writer = writerListener();
    live.listeners.add(writer);
    const phone = new Y.Doc();
    for (let i = 0; !live.full && i < 100; i++) {
      phone.getMap('items').set(`n${i}`, 'x'.repeat(200));
      live.applyClientUpdate(Y.encodeStateAsUpdate(phone, Y.encodeStateVector(live.doc)), writer, Promise.resolve());
    }
    expect(live.full).toBe(true);
    await live.settled();
    expect(writer.types).toContain(101);
    failing = false;
    await live.idle();
    expect(live.full).toBe(false);
    // Told to send again what was turned away meanwhile.
    expect(writer.recoveries).toBe(1);
    expect(writer.types.at(-1)).toBe(100);
    await storage.close();
  });
});
