import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import type { LoggedUpdate, Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { casesCsv, recordCsv, toCsv } from './csv';
import { buildModel, namesOf } from './model';
import { docName, loadRecord } from './record';
import { htmlTranscript, markdownTranscript, maxqdaZip } from './transcript';
import { buildQdpx } from './qdpx';

/**
 * Exports run in a worker thread, off the event loop the phones use: replaying a long log for provenance and writing
 * a format takes about half a second for 5,000 notes (docs/PERFORMANCE.md). The main thread only takes what the
 * export reads — the three documents' current states and the board's and research's logs, once every accepted
 * update is in the log — and hands them over; the worker rebuilds the documents and runs the unchanged export code
 * (`loadRecord`, `buildModel`, the format writers) on them.
 */

export type WorkerExportFormat = 'json' | 'csv' | 'cases' | 'md' | 'html' | 'maxqda' | 'qdpx' | 'key';

interface ExportJob {
  id: number;
  workshopId: string;
  format: WorkerExportFormat;
  realNames: boolean;
  /** The workshop's uploads folder: the stored photos items refer to are read from it in the worker. */
  uploadsDir?: string;
  states: Record<'control' | 'board' | 'research', Uint8Array>;
  logs: Record<'board' | 'research', PackedLog>;
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
  /** The body as bytes (UTF-8 for the text formats), transferred rather than copied back. */
  body?: Uint8Array;
  damaged?: Array<{ type: string; id: unknown; reason: string }>;
  error?: string;
}

/** The export itself, as the route did it on the main thread: raw record, model, one format. */
async function runJob(job: ExportJob): Promise<ExportDone> {
  const docs = new Map<string, Y.Doc>();
  for (const kind of ['control', 'board', 'research'] as const) {
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, job.states[kind]);
    docs.set(docName(job.workshopId, kind), doc);
  }
  // The export code reads documents through the hub and logs through storage: both stand in with what was handed over.
  const hub = {
    get: async (name: string) => ({ name, doc: docs.get(name)!, idle: async () => {} }),
    release: () => {},
  } as unknown as DocHub;
  const logs = new Map([
    [docName(job.workshopId, 'board'), unpackLog(job.logs.board)],
    [docName(job.workshopId, 'research'), unpackLog(job.logs.research)],
  ]);
  const storage = { readLog: async (name: string) => logs.get(name) ?? [] } as unknown as Storage;
  try {
    const raw = await loadRecord(hub, storage, job.workshopId, { uploadsDir: job.uploadsDir });
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
    return { id: job.id, body: bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes), damaged };
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
  const kinds = ['control', 'board', 'research'] as const;
  const live = await Promise.all(kinds.map((k) => hub.get(docName(workshopId, k))));
  let job: ExportJob;
  try {
    const [control, board, research] = live as [(typeof live)[0], (typeof live)[0], (typeof live)[0]];
    // Every accepted update in the log first, so provenance covers all the state handed over (as loadRecord does).
    await Promise.all([board.idle(), research.idle()]);
    if (!readMeta(control.doc)) throw notFound('workshop');
    const [boardLog, researchLog] = await Promise.all([storage.readLog(board.name), storage.readLog(research.name)]);
    job = {
      id: nextId++,
      workshopId,
      format,
      realNames,
      uploadsDir,
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
  const w = exportWorker();
  const done = await new Promise<ExportDone>((resolve, reject) => {
    pending.set(job.id, { resolve, reject });
    w.ref();
    const { board, research } = job.logs;
    w.postMessage(job, [board.data.buffer as ArrayBuffer, research.data.buffer as ArrayBuffer]);
  });
  if (done.error !== undefined) throw new Error(`export failed in its worker: ${done.error}`);
  const body = Buffer.from(done.body!.buffer, done.body!.byteOffset, done.body!.byteLength);
  return { body, damaged: done.damaged ?? [] };
}
