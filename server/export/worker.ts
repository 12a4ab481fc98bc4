import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import { PostgresStorage } from '../storage/PostgresStorage';
import { SqliteStorage } from '../storage/SqliteStorage';
import { applyStoredDoc, snapshotAsV2 } from '../storage/snapshotFormat';
import type { LoggedUpdate, Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { casesCsv, recordCsv, toCsv } from './csv';
import { buildModel, namesOf } from './model';
import {
  docName,
  loadRecord,
  researcherWriters,
  storeResearcherPseudonyms,
  uploadsFromDir,
  type UploadReader,
} from './record';
import { assignResearcherPseudonyms, readResearcherPseudonyms } from '../../shared/research/researchDoc';
import { htmlTranscript, markdownTranscript, maxqdaZip } from './transcript';
import { buildQdpx } from './qdpx';

/**
 * Exports run in a worker thread, off the event loop the phones use: reading 10,000 logged updates, rebuilding the
 * documents, replaying the log for provenance and writing a format take about half a second for 5,000 notes
 * (docs/PERFORMANCE.md). The main thread only waits until every accepted update of the workshop's three documents
 * is stored (then the stored documents are the live ones) and sends the worker a job of a few bytes; the worker
 * reads the snapshots and logs itself, over a read-only connection of its own (SQLite: the same file, which WAL
 * lets it read while the server writes; PostgreSQL: one client, one read-only repeatable-read transaction), so state
 * and log are one consistent read. It then runs the unchanged export code (`loadRecord`, `buildModel`, the format
 * writers) and transfers the body back as bytes. A storage the worker cannot open itself (none in the server today)
 * falls back to the main thread reading the logs and encoding the states for it.
 */

export type WorkerExportFormat = 'json' | 'csv' | 'cases' | 'md' | 'html' | 'maxqda' | 'qdpx' | 'key';

type DocKind = 'control' | 'board' | 'research';
const KINDS = ['control', 'board', 'research'] as const;

/** Where the worker reads the stored documents with a connection of its own. */
type StoredSource = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

interface ExportJob {
  id: number;
  workshopId: string;
  format: WorkerExportFormat;
  realNames: boolean;
  /** The workshop's uploads folder (SQLite): the stored photos items refer to are read from it in the worker. */
  uploadsDir?: string;
  /** The worker reads the documents and logs itself (the usual case)… */
  source?: StoredSource;
  /** …or they are handed over, read and encoded by the main thread (a storage the worker cannot open). */
  handed?: { states: Record<DocKind, Uint8Array>; logs: Record<'board' | 'research', PackedLog> };
}

/** A document as stored: its snapshot and its log (the whole log for board and research: provenance needs it). */
interface StoredRead {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  log: LoggedUpdate[];
}

const SNAPSHOT_SQL = 'SELECT up_to_seq, format, data FROM snapshots WHERE doc = ?';
const LOG_SQL = 'SELECT seq, ts, actor, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq';
const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** The three documents of a workshop as stored, read in one transaction of a connection of the worker's own. */
async function readStored(source: StoredSource, workshopId: string): Promise<Record<DocKind, StoredRead>> {
  type SnapRow = { up_to_seq: number | string; format: number; data: Buffer };
  type LogRow = { seq: number | string; ts: number | string; actor: string; data: Buffer };
  const toRead = (snap: SnapRow | undefined, rows: LogRow[]): StoredRead => ({
    snapshot: snap ? snapshotAsV2(bytesOf(snap.data), snap.format) : null,
    snapshotSeq: snap ? Number(snap.up_to_seq) : 0,
    log: rows.map((r) => ({ seq: Number(r.seq), ts: Number(r.ts), actor: r.actor, data: bytesOf(r.data) })),
  });
  // The control document's log only after its snapshot (no provenance is taken from it).
  const fromSeq = (kind: DocKind, snap: SnapRow | undefined) =>
    kind === 'control' && snap ? Number(snap.up_to_seq) : 0;
  const out = {} as Record<DocKind, StoredRead>;
  if (source.kind === 'sqlite') {
    const db = new Database(source.file, { readonly: true, fileMustExist: true });
    try {
      const snapshot = db.prepare(SNAPSHOT_SQL);
      const log = db.prepare(LOG_SQL);
      db.transaction(() => {
        for (const kind of KINDS) {
          const name = docName(workshopId, kind);
          const snap = snapshot.get(name) as SnapRow | undefined;
          out[kind] = toRead(snap, log.all(name, fromSeq(kind, snap)) as LogRow[]);
        }
      })();
    } finally {
      db.close();
    }
    return out;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: source.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const $ = (sql: string) => sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split('?').length}`);
    for (const kind of KINDS) {
      const name = docName(workshopId, kind);
      const snap = (await client.query<SnapRow>($(SNAPSHOT_SQL), [name])).rows[0];
      out[kind] = toRead(snap, (await client.query<LogRow>($(LOG_SQL), [name, fromSeq(kind, snap)])).rows);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return out;
}

/** Where the worker can read this storage itself; null for a storage it cannot open (then the main thread reads). */
function sourceOf(storage: Storage): StoredSource | null {
  if (storage instanceof SqliteStorage) return { kind: 'sqlite', file: storage.file };
  if (storage instanceof PostgresStorage && storage.pool.options.connectionString)
    return { kind: 'postgres', url: storage.pool.options.connectionString };
  return null;
}

/** The stored photos: PostgreSQL's `uploads` table (DATABASE_URL), else the workshop's uploads folder, else none. */
async function uploadReaderFor(job: ExportJob): Promise<{ read?: UploadReader; close: () => Promise<void> }> {
  if (job.source?.kind !== 'postgres') {
    return { read: job.uploadsDir ? uploadsFromDir(job.uploadsDir) : undefined, close: async () => {} };
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: job.source.url });
  await client.connect();
  const read: UploadReader = async (id) => {
    const r = await client.query<{ mime: string; data: Buffer }>(
      'SELECT mime, data FROM uploads WHERE workshop_id = $1 AND upload_id = $2',
      [job.workshopId, id],
    );
    const row = r.rows[0];
    return row ? { mime: row.mime, data: bytesOf(row.data) } : null;
  };
  return { read, close: () => client.end() };
}

/** A log as one buffer plus columns: one transferable block instead of thousands of objects to clone. */
interface PackedLog {
  seq: Float64Array;
  ts: Float64Array;
  actor: string[];
  ends: Uint32Array;
  data: Uint8Array;
}

function packLog(log: LoggedUpdate[]): PackedLog {
  const ends = new Uint32Array(log.length);
  let n = 0;
  log.forEach((u, i) => (ends[i] = n += u.data.byteLength));
  const data = new Uint8Array(n);
  log.forEach((u, i) => data.set(u.data, ends[i]! - u.data.byteLength));
  return {
    seq: Float64Array.from(log, (u) => u.seq),
    ts: Float64Array.from(log, (u) => u.ts),
    actor: log.map((u) => u.actor),
    ends,
    data,
  };
}

const unpackLog = (p: PackedLog): LoggedUpdate[] =>
  p.actor.map((actor, i) => ({
    seq: p.seq[i]!,
    ts: p.ts[i]!,
    actor,
    data: p.data.subarray(i ? p.ends[i - 1]! : 0, p.ends[i]!),
  }));

interface ExportDone {
  id: number;
  /** The workshop has no stored control document (deleted, or never made). */
  notFound?: boolean;
  /** The body as bytes (UTF-8 for the text formats), transferred rather than copied back. */
  body?: Uint8Array;
  damaged?: Array<{ type: string; id: unknown; reason: string }>;
  /** Researchers' pseudonyms this export gave (none were stored yet): the main thread stores them. */
  assigned?: Array<[string, string]>;
  error?: string;
}

/** The export itself, as the route did it on the main thread: raw record, model, one format. */
async function runJob(job: ExportJob): Promise<ExportDone> {
  const docs = new Map<string, Y.Doc>();
  const logs = new Map<string, LoggedUpdate[]>();
  try {
    if (job.source) {
      const stored = await readStored(job.source, job.workshopId);
      for (const kind of KINDS) {
        const { snapshot, snapshotSeq, log } = stored[kind];
        const doc = new Y.Doc();
        docs.set(docName(job.workshopId, kind), doc);
        applyStoredDoc(doc, { snapshot, snapshotSeq, updates: log.filter((u) => u.seq > snapshotSeq) });
        if (kind !== 'control') logs.set(docName(job.workshopId, kind), log);
      }
    } else {
      const { states, logs: packed } = job.handed!;
      for (const kind of KINDS) {
        const doc = new Y.Doc();
        docs.set(docName(job.workshopId, kind), doc);
        Y.applyUpdateV2(doc, states[kind]);
      }
      logs.set(docName(job.workshopId, 'board'), unpackLog(packed.board));
      logs.set(docName(job.workshopId, 'research'), unpackLog(packed.research));
    }
    if (!readMeta(docs.get(docName(job.workshopId, 'control'))!)) return { id: job.id, notFound: true };
    // The export code reads documents through the hub and logs through storage: both stand in with what was read.
    const hub = {
      get: async (name: string) => ({ name, doc: docs.get(name)!, idle: async () => {} }),
      release: () => {},
    } as unknown as DocHub;
    const storage = { readLog: async (name: string) => logs.get(name) ?? [] } as unknown as Storage;
    // Researchers who wrote but have no pseudonym yet get one here, on this copy, as assignResearchers would on the
    // live document; the main thread stores them afterwards, so it never loads the board for an export.
    const researchDoc = docs.get(docName(job.workshopId, 'research'))!;
    const before = readResearcherPseudonyms(researchDoc);
    assignResearcherPseudonyms(researchDoc, researcherWriters(docs.get(docName(job.workshopId, 'board'))!));
    const assigned = [...readResearcherPseudonyms(researchDoc)].filter(([name]) => !before.has(name));
    const uploads = await uploadReaderFor(job);
    let raw;
    try {
      raw = await loadRecord(hub, storage, job.workshopId, { readUpload: uploads.read });
    } finally {
      await uploads.close();
    }
    const model = buildModel(raw, { realNames: job.realNames });
    let body: string | Uint8Array;
    switch (job.format) {
      case 'json':
        body = JSON.stringify(model, null, 2);
        break;
      case 'csv':
        body = recordCsv(model);
        break;
      case 'cases':
        body = casesCsv(model);
        break;
      case 'md':
        body = markdownTranscript(model);
        break;
      case 'html':
        body = htmlTranscript(model);
        break;
      case 'maxqda':
        body = maxqdaZip(model);
        break;
      case 'qdpx':
        body = buildQdpx(model);
        break;
      case 'key': {
        const key = namesOf(raw, false).names;
        body = toCsv([
          ['pseudonym', 'name'],
          ...raw.participants.map((x) => [key.participant.get(x.id) ?? '', x.name]),
          ...[...key.researcher].map(([name, alias]) => [alias, name]),
        ]);
        break;
      }
    }
    const damaged = model.damaged.map((d) => ({ type: String(d.type), id: d.id, reason: String(d.reason) }));
    const bytes: Uint8Array = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    // Transferred only when it owns its whole buffer (small Buffers share Node's pool): otherwise a copy that does.
    const sent = bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    return { id: job.id, body: sent, damaged, assigned };
  } finally {
    for (const d of docs.values()) d.destroy();
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  // On Linux the worker is a thread with an id of its own: at a lower CPU priority (nice 10) an export takes the CPU
  // the event loop leaves, instead of competing with it on a machine of few cores. Elsewhere it runs as it is.
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, 10);
  } catch {
    // no /proc or not allowed: the priority stays
  }
  port.on('message', (job: ExportJob) => {
    runJob(job).then(
      (done) => port.postMessage(done, done.body ? [done.body.buffer as ArrayBuffer] : []),
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.stack : String(err) }),
    );
  });
}

// ---- main thread ----

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (d: ExportDone) => void; reject: (e: Error) => void }>();

function exportWorker(): Worker {
  if (worker) return worker;
  // The worker runs this file, with TypeScript loaded in it by tsx's API (as `--import tsx` does for the server):
  // flags given to a worker do not register loaders in it, nor does a test runner's own transform reach it.
  // Compiled (dist/server/export/worker.js, the Dockerfile's `node dist/server/main.js`): plain JavaScript, no tsx.
  const self = JSON.stringify(import.meta.url);
  const bootstrap = import.meta.url.endsWith('.ts')
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${self}); })`
    : `import(${self})`;
  const w = new Worker(bootstrap, { eval: true });
  // An idle worker never keeps the process alive.
  w.unref();
  w.on('message', (done: ExportDone) => {
    const p = pending.get(done.id);
    pending.delete(done.id);
    if (pending.size === 0) w.unref();
    p?.resolve(done);
  });
  const fail = (err: Error) => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`export worker exited with ${code}`)));
  worker = w;
  return w;
}

/** Builds one export of a workshop in the worker thread; the body as the route sends it. */
export async function exportInWorker(
  hub: DocHub,
  storage: Storage,
  workshopId: string,
  format: WorkerExportFormat,
  realNames: boolean,
  uploadsDir?: string,
): Promise<{ body: Buffer; damaged: NonNullable<ExportDone['damaged']> }> {
  const source = sourceOf(storage);
  const job: ExportJob = { id: nextId++, workshopId, format, realNames, uploadsDir };
  if (source) {
    // Every accepted update stored first: then the stored documents are the live ones, and provenance covers them.
    // Documents not loaded here are neither loaded nor read on this thread: the worker reads them from storage.
    await Promise.all(KINDS.map((k) => hub.stored(docName(workshopId, k))));
    job.source = source;
  } else {
    const live = await Promise.all(KINDS.map((k) => hub.get(docName(workshopId, k))));
    try {
      const [control, board, research] = live as [(typeof live)[0], (typeof live)[0], (typeof live)[0]];
      await Promise.all(live.map((l) => l.idle()));
      if (!readMeta(control.doc)) throw notFound('workshop');
      const [boardLog, researchLog] = await Promise.all([storage.readLog(board.name), storage.readLog(research.name)]);
      job.handed = {
        states: {
          control: Y.encodeStateAsUpdateV2(control.doc),
          board: Y.encodeStateAsUpdateV2(board.doc),
          research: Y.encodeStateAsUpdateV2(research.doc),
        },
        logs: { board: packLog(boardLog), research: packLog(researchLog) },
      };
    } finally {
      for (const l of live) hub.release(l);
    }
  }
  const w = exportWorker();
  const done = await new Promise<ExportDone>((resolve, reject) => {
    pending.set(job.id, { resolve, reject });
    w.ref();
    const logs = job.handed?.logs;
    w.postMessage(job, logs ? [logs.board.data.buffer as ArrayBuffer, logs.research.data.buffer as ArrayBuffer] : []);
  });
  if (done.error !== undefined) throw new Error(`export failed in its worker: ${done.error}`);
  if (done.notFound) throw notFound('workshop');
  await storeResearcherPseudonyms(hub, workshopId, done.assigned ?? []);
  const body = Buffer.from(done.body!.buffer, done.body!.byteOffset, done.body!.byteLength);
  return { body, damaged: done.damaged ?? [] };
}
