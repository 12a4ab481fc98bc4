import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/**
 * The junk an attack left on older servers: GC structs from thousands of client ids, encoded by hand (a V1 update:
 * per client one GC struct of length 1 at clock 0; no deletions), as `mergeUpdates` of that many updates is slow.
 */
const isJunk = (c: number) => (c >= 10_000_000 && c < 10_030_000) || (c >= 20_000_000 && c < 20_030_000);

function junk(n: number, from: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  for (let i = 0; i < n; i++) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, from + i);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 1);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe('npm run repair: a poisoned document rewritten clean, all real content kept', () => {
  let server: TestServer | null = null;
  const open: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server?.close();
  });

  it('removes junk client ids from the log, keeps items, texts and provenance, and the board syncs again', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const phone = yClient(server.url, w.id, 'board', a.token);
    const fac = yClient(server.url, w.id, 'board', w.tokens.facilitator);
    open.push(phone, fac);
    await Promise.all([phone, fac].map(synced));
    const now = Date.now();
    const base = { sessionId: 'opening', groupId: null, createdAt: now, updatedAt: now };
    phone.doc.transact(() =>
      addItem(phone.doc, { ...base, id: 'n1', kind: 'note', authorId: a.participantId, text: 'Eerste' }),
    );
    phone.doc.transact(() => itemsMap(phone.doc).get('n1')!.set('text', 'Eerste, bijgewerkt'));
    fac.doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...base, id: 'p1', kind: 'note', authorId: null })) m.set(k, v);
      m.set('text', new Y.Text('Samen'));
      itemsMap(fac.doc).set('p1', m);
    });
    await waitFor(() => itemsMap(phone.doc).has('p1'));
    (itemsMap(fac.doc).get('p1')!.get('text') as Y.Text).insert(5, ' schrijven');
    await waitFor(() => String(itemsMap(phone.doc).get('p1')?.get('text')) === 'Samen schrijven');
    const expected = readItems(fac.doc);
    for (const x of open.splice(0)) x.destroy();
    const { dataDir } = server;
    await server.close();
    server = null;

    // The poison, as older servers stored it: two updates of GC structs from 60,000 client ids.
    const name = `${w.id}/board`;
    const storage = new SqliteStorage(dataDir);
    await storage.appendUpdate(name, junk(30_000, 10_000_000), 'participant:x', Date.now());
    await storage.appendUpdate(name, junk(30_000, 20_000_000), 'participant:x', Date.now());
    const poisoned = new Y.Doc();
    for (const u of await storage.readLog(name)) Y.applyUpdate(poisoned, u.data);
    const svBefore = Y.encodeStateVector(poisoned).length;
    expect(svBefore).toBeGreaterThan(300_000);
    await storage.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/repairDoc.ts', w.id], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, out).toBe(0);
    expect(out).toContain('60000 junk client ids removed');

    // Provenance survives: the rewritten log still says who wrote what, and holds none of the junk.
    const check = new SqliteStorage(dataDir);
    const log = await check.readLog(name);
    await check.close();
    expect(log.map((e) => e.actor)).toContain(`participant:${a.participantId}`);
    expect(log.map((e) => e.actor)).toContain('facilitator');
    expect(log.some((e) => Y.decodeUpdate(e.data).structs.some((st) => isJunk(st.id.client)))).toBe(false);

    server = await startServer({ dataDir });
    const fresh = yClient(server.url, w.id, 'board', w.tokens.researcher);
    open.push(fresh);
    await synced(fresh);
    expect(readItems(fresh.doc)).toEqual(expected);
    expect(Y.encodeStateVector(fresh.doc).length).toBeLessThan(200);
  });
});
