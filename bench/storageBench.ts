import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app';
import { SqliteStorage } from '../server/storage/SqliteStorage';
import { DocHub } from '../server/sync/DocHub';
import { addItem, itemsMap, patchItem } from '../shared/boardDoc';
import { seedDemo } from '../scripts/demoSeed';

/**
 * What it costs to bring a finished workshop back from storage: the demo (two days, seeded through the real sync
 * path) and a synthetic workshop of 5,000 items, with and without snapshots, before and after the log grows.
 */

const dirSize = (dir: string): number => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/** Median time to open the storage and load the given documents, as a fresh instance would. */
async function loadTime(dir: string, docs: string[], runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const storage = new SqliteStorage(dir);
    const hub = new DocHub(storage);
    await Promise.all(docs.map((d) => hub.get(d)));
    times.push(performance.now() - t0);
    await storage.close();
  }
  return round(median(times));
}

const docsOf = (dir: string, prefix: string): string[] => {
  const db = new Database(path.join(dir, 'werkplaats.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT DISTINCT doc FROM updates WHERE doc LIKE ?').all(`${prefix}/%`) as Array<{
    doc: string;
  }>;
  db.close();
  return rows.map((r) => r.doc);
};

async function demo(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-bench-demo-'));
  const app = createApp({ storage: new SqliteStorage(dir), organiserKey: 'bench' });
  const url = await app.listen(0, '127.0.0.1');
  const { workshop, itemCount } = await seedDemo(url, 'bench');
  await app.close();
  const docs = docsOf(dir, workshop.id);
  return {
    demoItems: itemCount,
    demoLoadMs: await loadTime(dir, docs),
    // The demo is one finished two-day workshop.
    storageKbPerWorkshopDay: round(dirSize(dir) / 1024 / 2),
  };
}

async function synthetic(items: number, extraEdits: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-bench-big-'));
  const doc = 'wbig/board';
  let storage = new SqliteStorage(dir);
  let hub = new DocHub(storage);
  let live = await hub.get(doc);
  const t0 = Date.now();
  // Each item is its own update, then edited once: as people write and then correct.
  for (let i = 0; i < items; i++) {
    live.doc.transact(() =>
      addItem(live.doc, {
        id: `i${i}`,
        kind: 'note',
        sessionId: `s${i % 12}`,
        groupId: `g${i % 8}`,
        authorId: `p${i % 40}`,
        createdAt: t0 + i,
        updatedAt: t0 + i,
        text: `Notitie ${i}: wat we in de samenwerking tussen formeel en informeel zagen`,
      }),
    );
    patchItem(live.doc, `i${i}`, { text: `Notitie ${i} (bijgewerkt)` }, t0 + i);
    if (i % 200 === 0) await live.idle();
  }
  await hub.flushAll();
  await storage.close();
  const loadMs = await loadTime(dir, [doc]);
  const check = new DocHub(new SqliteStorage(dir));
  if (itemsMap((await check.get(doc)).doc).size !== items) throw new Error('synthetic workshop did not load whole');

  // The same without any snapshot: the whole log replayed.
  const db = new Database(path.join(dir, 'werkplaats.sqlite'));
  const snapshot = db.prepare('SELECT * FROM snapshots WHERE doc = ?').get(doc);
  db.prepare('DELETE FROM snapshots WHERE doc = ?').run(doc);
  const logOnlyMs = await loadTime(dir, [doc], 3);
  db.prepare('INSERT INTO snapshots (doc, up_to_seq, ts, data) VALUES (@doc, @up_to_seq, @ts, @data)').run(snapshot);
  db.close();

  // The log grows much longer (edits only); periodic snapshots keep the load time where it was.
  storage = new SqliteStorage(dir);
  hub = new DocHub(storage);
  live = await hub.get(doc);
  for (let e = 0; e < extraEdits; e++) {
    patchItem(live.doc, `i${e % items}`, { text: `Notitie ${e % items} (versie ${e})` }, t0 + items + e);
    if (e % 200 === 0) await live.idle();
  }
  await live.idle();
  const logLength = (await storage.readLog(doc)).length;
  await storage.close();
  const afterGrowthMs = await loadTime(dir, [doc]);
  return {
    syntheticItems: items,
    syntheticLoadMs: loadMs,
    syntheticLoadNoSnapshotMs: logOnlyMs,
    syntheticLogUpdates: logLength,
    syntheticLoadAfterLogGrowthMs: afterGrowthMs,
  };
}

export async function runStorageBench(quick: boolean): Promise<Record<string, number>> {
  return { ...(await demo()), ...(await synthetic(quick ? 1000 : 5000, quick ? 4000 : 20_000)) };
}
