import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { createApp } from '../../server/app';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { MESSAGE, updateMessage } from '../../server/sync/messages';
import { trackAcks, type AckState } from '../../client/sync/acks';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { noteItem } from '../helpers/items';
import { startServer, writeAsServer } from '../helpers/startServer';

/** SQLite whose appends wait while `held` is set: "the write is not durable yet", at a moment the test chooses. */
class HeldStorage extends SqliteStorage {
  held: Promise<void> | null = null;
  waiting = 0;
  override async appendUpdate(doc: string, data: Uint8Array, actor: string, ts: number): Promise<number> {
    if (this.held) {
      this.waiting++;
      await this.held;
      this.waiting--;
    }
    return super.appendUpdate(doc, data, actor, ts);
  }
}

describe('"saved" on a phone means the server stored it (acknowledgement after the durable write)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('turns true only once the update is in the log, and false again for a change made offline', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-ack-'));
    const storage = new HeldStorage(dataDir);
    const app = createApp({
      storage,
      organiserKey: 'saved-state-organiser-key-24ch',
      clientDir: path.resolve('dist/client'),
      dataDir,
    });
    const url = await app.listen(0, '127.0.0.1');
    cleanups.push(() => app.close());
    const w = await createWorkshop(url, 'saved-state-organiser-key-24ch');
    const a = await joinAs(url, w, 'Aïcha');
    const phone = yClient(url, w.id, 'board', a.token);
    cleanups.push(() => phone.destroy());
    const states: AckState[] = [];
    const logged = async () => (await storage.readLog(`${w.id}/board`)).length;
    // How many updates the log held at each moment the phone turned saved.
    const inLogWhenSaved: number[] = [];
    // The phone's own code (client/sync/acks.ts) on a real y-websocket provider.
    cleanups.push(
      trackAcks(phone.provider, phone.doc, (s) => {
        states.push(s);
        if (s.saved) void logged().then((n) => inLogWhenSaved.push(n));
      }),
    );
    await synced(phone);
    // Everything the phone has came from the server: saved, by the ack that follows the sync step 2.
    await waitFor(() => states.at(-1)?.saved === true);

    const note = (id: string) => ({
      id,
      kind: 'note',
      sessionId: 'opening',
      groupId: null,
      authorId: a.participantId,
      createdAt: Date.now() + 1,
      updatedAt: Date.now() + 1,
      text: 'bewaard?',
    });
    let release!: () => void;
    storage.held = new Promise((r) => (release = r));
    phone.doc.transact(() => addItem(phone.doc, note('n1')));
    expect(states.at(-1)?.saved).toBe(false);
    // The server has applied the update and is writing it: not durable yet, so not saved.
    await waitFor(() => storage.waiting > 0);
    expect(states.at(-1)?.saved).toBe(false);
    const before = await logged();
    const savedBefore = inLogWhenSaved.length;
    storage.held = null;
    release();
    await waitFor(() => states.at(-1)?.saved === true);
    await waitFor(() => inLogWhenSaved.length > savedBefore);
    // Saved was shown only once the note's update was in the log.
    expect(inLogWhenSaved[savedBefore]).toBe(before + 1);

    // Offline: a change is unsaved until the phone is back and the server stored it.
    phone.provider.disconnect();
    phone.doc.transact(() => addItem(phone.doc, note('n2')));
    expect(states.at(-1)?.saved).toBe(false);
    phone.provider.connect();
    await waitFor(() => states.at(-1)?.saved === true);
    const rows = await storage.readLog(`${w.id}/board`);
    expect(rows.length).toBeGreaterThan(before + 1);
    expect(itemsMap(phone.doc).has('n2')).toBe(true);
  });

  /** The phone's own "saved" state (client/sync/acks.ts), and every ack as it arrives on the wire. */
  function follow(phone: YClient) {
    const states: AckState[] = [];
    cleanups.push(trackAcks(phone.provider, phone.doc, (s) => states.push(s)));
    const acks: Array<Map<number, number>> = [];
    const handlers = phone.provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
    const handle = handlers[MESSAGE.ack]!;
    // Read from a copy of the decoder, then handled by the phone's own code.
    handlers[MESSAGE.ack] = (encoder, decoder) => {
      acks.push(Y.decodeStateVector(decoding.readVarUint8Array(decoding.clone(decoder))));
      handle(encoder, decoder);
    };
    return { states, acks };
  }

  it('acks each write with its own client ids only, however many page loads the board has seen', async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const w = await createWorkshop(server.url, server.organiserKey);
    // A long workshop: 2,000 page loads wrote on the board, each under a client id of its own.
    const loads = 2000;
    await writeAsServer(server, `${w.id}/board`, (doc) => {
      for (let i = 0; i < loads; i++) {
        const page = new Y.Doc();
        addItem(page, noteItem(`old${i}`, 'p-old'));
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(page));
      }
    });
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = yClient(server.url, w.id, 'board', a.token);
    cleanups.push(() => phone.destroy());
    const { states, acks } = follow(phone);
    await synced(phone);
    // After the sync: the whole stored state vector, once.
    await waitFor(() => states.at(-1)?.saved === true);
    expect(acks[0]!.size).toBeGreaterThanOrEqual(loads);

    const seen = acks.length;
    phone.doc.transact(() => addItem(phone.doc, noteItem('mine', a.participantId)));
    await waitFor(() => acks.length > seen && states.at(-1)?.saved === true);
    // The write's ack: only the phone's own client id, at the clock it wrote up to (a few bytes, not 2,000 entries).
    expect([...acks.at(-1)!]).toEqual([[phone.doc.clientID, Y.getState(phone.doc.store, phone.doc.clientID)]]);

    // The same write sent again (nothing new for the server) is acked for its own ids too: repeating a message is no
    // way to have the whole state vector sent back.
    const others = new Map(
      [...Y.decodeStateVector(Y.encodeStateVector(phone.doc))].filter(([c]) => c !== phone.doc.clientID),
    );
    const before = acks.length;
    phone.provider.ws!.send(updateMessage(Y.encodeStateAsUpdate(phone.doc, Y.encodeStateVector(others))));
    await waitFor(() => acks.length > before);
    expect([...acks.at(-1)!]).toEqual([[phone.doc.clientID, Y.getState(phone.doc.store, phone.doc.clientID)]]);

    // The page reloads: a new client id, the old one's writes back from IndexedDB. Saved once synced (the full ack
    // covers the old id), and the next note is acked for the new id alone.
    const kept = Y.encodeStateAsUpdate(phone.doc);
    phone.destroy();
    const reloaded = yClient(server.url, w.id, 'board', a.token);
    cleanups.push(() => reloaded.destroy());
    Y.applyUpdate(reloaded.doc, kept);
    const after = follow(reloaded);
    await synced(reloaded);
    await waitFor(() => after.states.at(-1)?.saved === true);
    reloaded.doc.transact(() => addItem(reloaded.doc, noteItem('after-reload', a.participantId)));
    const acked = after.acks.length;
    await waitFor(() => after.acks.length > acked && after.states.at(-1)?.saved === true);
    expect([...after.acks.at(-1)!]).toEqual([
      [reloaded.doc.clientID, Y.getState(reloaded.doc.store, reloaded.doc.clientID)],
    ]);
    expect(itemsMap(reloaded.doc).has('mine')).toBe(true);
  });
});
