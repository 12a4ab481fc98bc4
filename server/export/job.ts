import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { assignResearcherPseudonyms, readResearcherPseudonyms } from '../../shared/research/researchDoc';
import { PostgresStorage } from '../storage/PostgresStorage';
import { SqliteStorage } from '../storage/SqliteStorage';
import { applyStoredDoc, snapshotAsV2 } from '../storage/snapshotFormat';
import type { LoggedUpdate, Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { casesCsv, recordCsv, toCsv } from './csv';
import { buildModel, namesOf } from './model';
import { buildQdpx } from './qdpx';
import { fileUploadStore, uploadStoreFor, type UploadStore } from '../uploads/store';
import { docName, loadRecord, researcherWriters, type UploadReader } from './record';
import { htmlTranscript, markdownTranscript, maxqdaZip } from './transcript';

/**
 * One export job, as the export process runs it (server/export/worker.ts; the server's side is
 * server/export/runner.ts): it reads the workshop's stored documents and logs itself, over a read-only connection of
 * its own (SQLite: the same file, which WAL lets it read while the server writes; PostgreSQL: one client, one
 * read-only repeatable-read transaction), so state and log are one consistent read; then it runs the unchanged
 * export code (`loadRecord`, `buildModel`, the format writers). A storage the process cannot open itself (none in the
 * server today) has its states and logs handed over by the server instead.
 */

export type WorkerExportFormat = 'json' | 'csv' | 'cases' | 'md' | 'html' | 'maxqda' | 'qdpx' | 'key';

export type DocKind = 'control' | 'board' | 'research';
export const KINDS = ['control', 'board', 'research'] as const;

/** Where the export process reads the stored documents with a connection of its own. */
export type StoredSource = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ExportJob {
  id: number;
  workshopId: string;
  format: WorkerExportFormat;
  realNames: boolean;
  /** DATA_DIR, where SQLite installations keep photos: the stored photos items refer to are read through the same
   * store code as the server's (server/uploads/store.ts); PostgreSQL's are read from its `uploads` table. */
  dataDir?: string;
  /** The job reads the documents and logs itself (the usual case)… */
  source?: StoredSource;
  /** …or they are handed over, read and encoded by the server (a storage the process cannot open). */
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

/** The three documents of a workshop as stored, read in one transaction of a connection of the process's own. */
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

/** Where the export process can read this storage itself; null for one it cannot open (the server reads). */
export function sourceOf(storage: Storage): StoredSource | null {
  if (storage instanceof SqliteStorage) return { kind: 'sqlite', file: storage.file };
  if (storage instanceof PostgresStorage && storage.pool.options.connectionString)
    return { kind: 'postgres', url: storage.pool.options.connectionString };
  return null;
}

/**
 * The stored photos, read by the server's own store code (server/uploads/store.ts): PostgreSQL's `uploads` table
 * (over a connection of the job's own), else the files in DATA_DIR, else none.
 */
async function uploadReaderFor(job: ExportJob): Promise<{ read?: UploadReader; close: () => Promise<void> }> {
  let store: UploadStore | undefined;
  let close = async () => {};
  if (job.source?.kind === 'postgres') {
    const db = await PostgresStorage.connect(job.source.url, 1);
    store = uploadStoreFor(db, job.dataDir ?? '');
    close = () => db.close();
  } else if (job.dataDir) {
    store = fileUploadStore(job.dataDir);
  }
  if (!store) return { close };
  const from = store;
  const read: UploadReader = async (id) => {
    const found = await from.get(job.workshopId, id);
    return found ? { mime: found.meta.mime, data: bytesOf(found.data) } : null;
  };
  return { read, close };
}

/** A log as one buffer plus columns: one transferable block instead of thousands of objects to clone. */
export interface PackedLog {
  seq: Float64Array;
  ts: Float64Array;
  actor: string[];
  ends: Uint32Array;
  data: Uint8Array;
}

export function packLog(log: LoggedUpdate[]): PackedLog {
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

export interface ExportDone {
  id: number;
  /** The workshop has no stored control document (deleted, or never made). */
  notFound?: boolean;
  /** The body as bytes (UTF-8 for the text formats). */
  body?: Uint8Array;
  damaged?: Array<{ type: string; id: unknown; reason: string }>;
  /** Researchers' pseudonyms this export gave (none were stored yet): the server stores them. */
  assigned?: Array<[string, string]>;
  error?: string;
}

/** The export itself: raw record, model, one format. */
export async function runJob(job: ExportJob): Promise<ExportDone> {
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
    // live document; the server stores them afterwards, so it never loads the board for an export.
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
    return { id: job.id, body: bytes, damaged, assigned };
  } finally {
    for (const d of docs.values()) d.destroy();
  }
}
