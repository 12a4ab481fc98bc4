import { rmSync, statfsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { applyStoredDoc } from '../../server/storage/snapshotFormat';
import { trackAcks, type AckState } from '../../client/sync/acks';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';
import { smallDisk } from '../helpers/smallDisk';
import { postUpload } from '../helpers/uploads';

/**
 * DATA_DIR on a real 8 MB tmpfs that a filler file fills up: SQLite's writes fail with SQLITE_FULL, as on a full
 * disk. The server holds the phone's writes and retries them, the phone shows them as not saved, uploads get 507;
 * once space is freed everything arrives, and what was stored before is untouched.
 */
describe('disk full', { timeout: 90_000 }, () => {
  const disk = smallDisk('werkplaats-full-');
  const dataDir = disk.dir;
  let server: TestServer | null = null;
  let phone: YClient | null = null;

  afterAll(async () => {
    phone?.destroy();
    await server?.close();
    disk.release();
  });

  it('refuses writes cleanly, shows them not saved, stores them all once space is back, and loses nothing', async () => {
    server = await startServer({ dataDir });
    const w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Aïcha');
    phone = yClient(server.url, w.id, 'board', a.token);
    const p = phone;
    const states: AckState[] = [];
    const stopAcks = trackAcks(p.provider, p.doc, (s) => states.push(s));
    await synced(p);
    const made: string[] = [];
    const write = () => {
      const id = `n${made.length}`;
      p.doc.transact(() => addItem(p.doc, noteItem(id, a.participantId, { text: `${id} `.padEnd(400, 'x') })));
      made.push(id);
    };
    for (let i = 0; i < 10; i++) write();
    await waitFor(() => states.at(-1)?.saved === true);
    const storedBefore = [...made];

    // Fill the disk to the last byte.
    const { filler, code } = disk.fill();
    expect(code).toBe('ENOSPC');

    // The phone writes until the server cannot store any more: it is told, and shows it as not saved.
    for (let i = 0; i < 400 && !states.at(-1)?.notStored; i++) {
      write();
      await waitFor(() => states.at(-1)?.saved === true || states.at(-1)?.notStored === true, { timeout: 10_000 });
    }
    expect(states.at(-1)).toEqual({ saved: false, notStored: true });
    // A few more while it is full: kept on the phone.
    for (let i = 0; i < 5; i++) write();
    expect(p.closes.filter((c) => c.code >= 4400)).toEqual([]);

    // Uploads are refused with 507, in Dutch and English.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1000)]);
    const up = await postUpload(server.url, w.id, jpeg, a.token, 'image/jpeg');
    expect(up.status).toBe(507);
    const body = (await up.json()) as { error: { code: string; message: string; messageNl: string } };
    expect(body.error.code).toBe('storage_full');
    expect(body.error.messageNl).toMatch(/opslagruimte/);
    expect(body.error.message).toMatch(/storage space/);

    // Space is freed: the server's retry stores everything, the phone turns saved.
    rmSync(filler);
    await waitFor(() => states.at(-1)?.saved === true, { timeout: 20_000 });
    expect(states.at(-1)?.notStored).toBe(false);
    expect(statfsSync(dataDir).bavail).toBeGreaterThan(0);
    stopAcks();
    p.destroy();
    phone = null;
    await server.close();
    server = null;

    // Everything is in storage: what was stored before the disk filled and everything written since.
    const storage = new SqliteStorage(dataDir);
    const doc = new Y.Doc();
    applyStoredDoc(doc, await storage.loadDoc(`${w.id}/board`));
    await storage.close();
    const stored = new Set(itemsMap(doc).keys());
    expect(storedBefore.filter((id) => !stored.has(id))).toEqual([]);
    expect(made.filter((id) => !stored.has(id))).toEqual([]);
    console.info(`[disk full] ${made.length} notes written, ${storedBefore.length} before the disk filled; none lost`);
  });
});
