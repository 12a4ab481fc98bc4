import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { KINDS, packLog, sourceOf, type ExportDone, type ExportJob, type WorkerExportFormat } from './job';
import { docName, storeResearcherPseudonyms } from './record';
import { EXPORT_THREAD, WORKER_ENTRY } from './worker';

/**
 * The main thread's side of exports: a queue in front of the export thread (server/export/worker.ts).
 *
 * - One export runs at a time (the thread at nice 19 takes the CPU the event loop leaves; two at once would only
 *   share it and hold twice the memory).
 * - A request identical to one still waiting (same workshop, format and names) joins it: both get the body of that
 *   one run. It never joins a run that has started: that run may have read storage before this request's writer's
 *   last update was stored, and an export always holds every write accepted before it was asked for.
 * - At most `EXPORT_QUEUE_MAX` different exports wait; one more is refused with `ExportsBusy` (the route answers 503
 *   with Retry-After, docs/API.md) rather than piling up.
 *
 * When a run starts, the main thread waits until every accepted update of the workshop's three documents is stored
 * (then the stored documents are the live ones) and sends the thread a job of a few bytes: the job reads storage
 * itself. The body comes back transferred (no copy on the event loop); pseudonyms the run gave researchers are stored
 * in the live research document after it (`storeResearcherPseudonyms`).
 */

export const EXPORT_QUEUE_MAX = 8;

/** Too many different exports are waiting: try again after `retryAfterS` seconds. */
export class ExportsBusy extends Error {
  constructor(readonly retryAfterS: number) {
    super(`too many exports waiting; try again in ${retryAfterS} s`);
  }
}

export interface ExportOutput {
  /** The body as the job wrote it (transferred from the export thread, not copied). */
  body: Buffer;
  size: number;
  damaged: NonNullable<ExportDone['damaged']>;
  /** The run that made it: requests that shared one run have the same number. */
  run: number;
}

interface Run {
  id: number;
  hub: DocHub;
  storage: Storage;
  workshopId: string;
  format: WorkerExportFormat;
  realNames: boolean;
  dataDir?: string;
  waiters: Array<{ resolve: (o: ExportOutput) => void; reject: (e: unknown) => void }>;
}

const waiting: Run[] = [];
let running: Run | null = null;
let nextId = 1;
/** How long the last run took, for Retry-After. */
let lastRunMs = 1000;
let queueMax = EXPORT_QUEUE_MAX;

/** Sets how many different exports may wait (tests; the server keeps `EXPORT_QUEUE_MAX`). Returns the previous. */
export function setExportQueueMax(n: number): number {
  const before = queueMax;
  queueMax = n;
  return before;
}

/** Exports waiting and running now (for tests and metrics). */
export const exportQueue = () => ({ running: running ? 1 : 0, waiting: waiting.length });

/** Builds one export of a workshop in the export thread, after those queued before it; its body as the route sends it. */
export function exportInWorker(
  hub: DocHub,
  storage: Storage,
  workshopId: string,
  format: WorkerExportFormat,
  realNames: boolean,
  dataDir?: string,
): Promise<ExportOutput> {
  let run = waiting.find(
    (r) =>
      r.hub === hub &&
      r.storage === storage &&
      r.workshopId === workshopId &&
      r.format === format &&
      r.realNames === realNames &&
      r.dataDir === dataDir,
  );
  if (!run) {
    if (waiting.length >= queueMax) {
      const ahead = waiting.length + (running ? 1 : 0);
      return Promise.reject(new ExportsBusy(Math.min(120, Math.max(1, Math.ceil((ahead * lastRunMs) / 1000)))));
    }
    run = { id: nextId++, hub, storage, workshopId, format, realNames, dataDir, waiters: [] };
    waiting.push(run);
  }
  const joined = run;
  const out = new Promise<ExportOutput>((resolve, reject) => joined.waiters.push({ resolve, reject }));
  pump();
  return out;
}

function pump(): void {
  if (running || waiting.length === 0) return;
  const run = waiting.shift()!;
  running = run;
  const t0 = Date.now();
  const settled = (settle: (w: Run['waiters'][number]) => void) => {
    // The queue moves on before anyone waiting hears: a caller that awaited this run finds it gone.
    lastRunMs = Date.now() - t0;
    running = null;
    pump();
    for (const w of run.waiters) settle(w);
  };
  execute(run).then(
    (o) => settled((w) => w.resolve(o)),
    (err: unknown) => settled((w) => w.reject(err)),
  );
}

async function execute(run: Run): Promise<ExportOutput> {
  const { hub, storage, workshopId } = run;
  const job: ExportJob = {
    id: run.id,
    workshopId,
    format: run.format,
    realNames: run.realNames,
    dataDir: run.dataDir,
  };
  const source = sourceOf(storage);
  if (source) {
    // Every accepted update stored first: then the stored documents are the live ones, and provenance covers them.
    // Documents not loaded here are neither loaded nor read on this thread: the export thread reads them.
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
  const done = await inWorker(job);
  if (done.error !== undefined) throw new Error(`export failed in its thread: ${done.error}`);
  if (done.notFound) throw notFound('workshop');
  await storeResearcherPseudonyms(hub, workshopId, done.assigned ?? []);
  const body = Buffer.from(done.body!.buffer, done.body!.byteOffset, done.body!.byteLength);
  return { body, size: body.byteLength, damaged: done.damaged ?? [], run: run.id };
}

// ---- the export thread ----

let worker: Worker | null = null;
let current: { id: number; resolve: (d: ExportDone) => void; reject: (e: Error) => void } | null = null;

/** The export thread while it runs (tests). */
export const exportThread = (): Worker | null => worker;

function exportWorker(): Worker {
  if (worker) return worker;
  // The thread runs worker.ts, with TypeScript loaded in it by tsx's API (as `--import tsx` does for the server):
  // flags given to a worker do not register loaders in it, nor does a test runner's own transform reach it.
  // Compiled (dist/server/export/worker.js, the Dockerfile's `node dist/server/main.js`): plain JavaScript, no tsx.
  const entry = JSON.stringify(WORKER_ENTRY);
  const bootstrap = WORKER_ENTRY.endsWith('.ts')
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`
    : `import(${entry})`;
  const w = new Worker(bootstrap, { eval: true, workerData: EXPORT_THREAD });
  // An idle export thread never keeps the process alive.
  w.unref();
  w.on('message', (done: ExportDone) => {
    if (!current || done.id !== current.id) return;
    const p = current;
    current = null;
    w.unref();
    p.resolve(done);
  });
  const gone = (err: Error) => {
    if (worker === w) worker = null;
    const lost = current;
    current = null;
    lost?.reject(err);
  };
  w.on('error', gone);
  w.on('exit', (code) => gone(new Error(`export thread exited with ${code}`)));
  worker = w;
  return w;
}

/** An export that has not finished after this long is taken as hung: its thread is ended, the request fails. */
export const EXPORT_TIMEOUT_MS = 5 * 60_000;

function inWorker(job: ExportJob): Promise<ExportDone> {
  const w = exportWorker();
  return new Promise((resolve, reject) => {
    // The queue never waits forever behind one export: a hung thread is ended ('exit' rejects this run).
    const timer = setTimeout(() => void w.terminate(), EXPORT_TIMEOUT_MS);
    timer.unref();
    current = {
      id: job.id,
      resolve: (d) => {
        clearTimeout(timer);
        resolve(d);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    };
    w.ref();
    const logs = job.handed?.logs;
    w.postMessage(job, logs ? [logs.board.data.buffer as ArrayBuffer, logs.research.data.buffer as ArrayBuffer] : []);
  });
}
