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
import type { CreateWorkshopResponse, JoinResponse } from '../shared/protocol';
import { DEFAULT_PROGRAMME } from '../shared/template';
import { joinAs } from '../tests/helpers/clients';
import { createWorkshop } from '../tests/sim/simulator';

/** An organiser key of the required length (at least 24 characters). */
const BENCH_KEY = 'bench-organiser-key-0123456789';

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

/** The formats a researcher downloads; each is timed on its own, as a fresh instance answers it. */
const EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'qdpx'] as const;

/**
 * Median time (of 3) of each export of a workshop, each on a freshly started app over the same data, so the time
 * includes loading the workshop's documents and reading their logs (provenance), as a first download would.
 */
async function exportTimes(dir: string, w: CreateWorkshopResponse): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const format of EXPORT_FORMATS) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const app = createApp({ storage: new SqliteStorage(dir), organiserKey: BENCH_KEY });
      const url = await app.listen(0, '127.0.0.1');
      const t0 = performance.now();
      const res = await fetch(`${url}/api/workshops/${w.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${w.tokens.researcher}` },
      });
      const body = await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (!res.ok || body.byteLength === 0) throw new Error(`export ${format} answered ${res.status}`);
      await app.close();
    }
    out[format] = round(median(times));
  }
  return out;
}

async function demo(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-bench-demo-'));
  const app = createApp({ storage: new SqliteStorage(dir), organiserKey: BENCH_KEY });
  const url = await app.listen(0, '127.0.0.1');
  const { workshop, itemCount } = await seedDemo(url, BENCH_KEY);
  await app.close();
  const docs = docsOf(dir, workshop.id);
  const exports = await exportTimes(dir, workshop);
  return {
    demoItems: itemCount,
    demoLoadMs: await loadTime(dir, docs),
    demoExportMs: Math.max(...Object.values(exports)),
    // The demo is one finished two-day workshop.
    storageKbPerWorkshopDay: round(dirSize(dir) / 1024 / 2),
  };
}

/**
 * A real workshop (created and joined through the API) whose 40 participants wrote `items` notes over the programme,
 * each note then edited once; the server stores them as it stores the phones' writes (one update each, with the
 * participant as actor). Returns the export times per format.
 */
async function largeExport(items: number): Promise<Record<string, number>> {
  const { dir, w } = await largeWorkshop(items);
  return exportTimes(dir, w);
}

/** A real workshop of 40 participants joined through the API and `items` notes each edited once, stored in `dir`. */
export async function largeWorkshop(items: number, dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-bench-export-'))) {
  const app = createApp({ storage: new SqliteStorage(dir), organiserKey: BENCH_KEY });
  const url = await app.listen(0, '127.0.0.1');
  const w = await createWorkshop(url, BENCH_KEY, 'Grote werkplaats', ['Utrecht', 'Zaandam', 'Dordrecht', 'Den Haag']);
  const people: JoinResponse[] = [];
  for (let i = 0; i < 40; i++)
    people.push(await joinAs(url, w, `Deelnemer ${i + 1}`, i % w.groups.length, i % 2 ? 'informal' : 'formal'));
  const live = await app.hub.get(`${w.id}/board`);
  const t0 = Date.now() - 2 * 24 * 3600_000;
  for (let i = 0; i < items; i++) {
    const p = people[i % people.length]!;
    const session = DEFAULT_PROGRAMME[i % DEFAULT_PROGRAMME.length]!;
    const origin = { actor: `participant:${p.participantId}` };
    live.doc.transact(
      () =>
        addItem(live.doc, {
          id: `i${i}`,
          kind: 'note',
          sessionId: session.id,
          groupId: w.groups[(i % people.length) % w.groups.length]!.id, // the group the author joined
          authorId: p.participantId,
          createdAt: t0 + i * 1000,
          updatedAt: t0 + i * 1000,
          text: `Notitie ${i}: wat we in de samenwerking tussen formeel en informeel zagen`,
        }),
      origin,
    );
    live.doc.transact(() => patchItem(live.doc, `i${i}`, { text: `Notitie ${i} (bijgewerkt)` }, t0 + i * 1000), origin);
    if (i % 200 === 0) await live.idle();
  }
  await live.idle();
  app.hub.release(live);
  await app.close();
  if (itemsMap((await new DocHub(new SqliteStorage(dir)).get(`${w.id}/board`)).doc).size !== items)
    throw new Error('large workshop did not store whole');
  return { dir, w };
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
  db.prepare(
    'INSERT INTO snapshots (doc, up_to_seq, ts, data, format) VALUES (@doc, @up_to_seq, @ts, @data, @format)',
  ).run(snapshot);
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
  const items = quick ? 1000 : 5000;
  const exports = await largeExport(items);
  return {
    ...(await demo()),
    ...(await synthetic(items, quick ? 4000 : 20_000)),
    // The slowest format is the figure; each format's own time follows.
    syntheticExportMs: Math.max(...Object.values(exports)),
    ...Object.fromEntries(Object.entries(exports).map(([f, ms]) => [`syntheticExport_${f}Ms`, ms])),
  };
}
