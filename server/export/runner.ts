import type { ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { KINDS, packLog, sourceOf, type ExportJob, type WorkerExportFormat } from './job';
import { docName, storeResearcherPseudonyms } from './record';
import { dropBody, handOver, inProcess, readBody } from './exportProcess';
import type { ExportResult } from './worker';

export { EXPORT_TIMEOUT_MS, exportBytesThroughServer, exportPauses, exportProcess } from './exportProcess';

/**
 * The server's side of exports: a queue in front of the export process (server/export/worker.ts).
 *
 * - One export runs at a time (the process, under SCHED_IDLE or at nice 19, takes the CPU nothing else wants; two at
 *   once would only share it and hold twice the memory).
 * - A request identical to one still waiting (same workshop, format and names) joins it: both get the body of that
 *   one run. It never joins a run that has started: that run may have read storage before this request's writer's
 *   last update was stored, and an export always holds every write accepted before it was asked for.
 * - At most `EXPORT_QUEUE_MAX` different exports wait; one more is refused with `ExportsBusy` (the route answers 503
 *   with Retry-After, docs/API.md) rather than piling up.
 *
 * When a run starts, the server waits until every accepted update of the workshop's three documents is stored
 * (then the stored documents are the live ones) and sends the process a job of a few bytes: the job reads storage
 * itself. Its answer (a few bytes) comes back on the IPC channel; pseudonyms the run gave researchers are stored in the
 * live research document after it (`storeResearcherPseudonyms`). The body stays in the process until every request
 * that shared the run has it: each request's socket is handed to the process, which writes the whole response
 * (`ExportOutput.send`); where that cannot be, the body is read on the process's body pipe (`ExportOutput.body`).
 */

export const EXPORT_QUEUE_MAX = 8;

/** Too many different exports are waiting: try again after `retryAfterS` seconds. */
export class ExportsBusy extends Error {
  constructor(readonly retryAfterS: number) {
    super(`too many exports waiting; try again in ${retryAfterS} s`);
  }
}

export interface ExportOutput {
  size: number;
  damaged: NonNullable<ExportResult['damaged']>;
  /** The run that made it: requests that shared one run have the same number. */
  run: number;
  /**
   * Sends the body as the response, with the status and headers set on `res` so far. Where it can (a plain TCP
   * socket, a GET), the socket is handed to the export process, which writes the whole response and closes the
   * connection: the body never passes through the server. Otherwise the body is read from the process and sent from
   * here. Resolves once the response is sent; `res` then emits `HANDED_OVER` or 'finish'.
   */
  send(res: ServerResponse): Promise<void>;
  /** The body's bytes, read from the export process's body pipe (tests; responses that cannot be handed over). */
  body(): Promise<Buffer>;
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
  /** Bytes read from the body pipe, once some request asked for them. */
  bytes?: Promise<Buffer>;
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

/** Builds one export of a workshop in the export process, after those queued before it; its body as the route sends it. */
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
    (done) => {
      // The body stays in the export process until every request of this run has it (sent or read).
      let users = run.waiters.length;
      const used = () => {
        if (--users === 0) dropBody(run.id);
      };
      settled((w) => w.resolve(outputOf(run, done, used)));
    },
    (err: unknown) => settled((w) => w.reject(err)),
  );
}

/** One request's share of a run: sent or read once, then the run's body may go. */
function outputOf(run: Run, done: RunDone, used: () => void): ExportOutput {
  let once = false;
  const use = <T>(p: () => Promise<T>): Promise<T> => {
    const out = p();
    if (!once) {
      once = true;
      void out.then(used, used);
    }
    return out;
  };
  const body = () => (run.bytes ??= readBody(run.id, done.size));
  return {
    ...done,
    body: () => use(body),
    send: (res) =>
      use(async () => {
        res.setHeader('Content-Length', String(done.size));
        if (!(await handOver(run.id, res))) res.end(await body());
      }),
  };
}

interface RunDone {
  size: number;
  damaged: NonNullable<ExportResult['damaged']>;
  run: number;
}

async function execute(run: Run): Promise<RunDone> {
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
    // Documents not loaded here are neither loaded nor read here: the export process reads them.
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
  const result = await inProcess(job);
  if (result.error !== undefined) throw new Error(`export failed in its process: ${result.error}`);
  if (result.notFound) throw notFound('workshop');
  await storeResearcherPseudonyms(hub, workshopId, result.assigned ?? []);
  return { size: result.size, damaged: result.damaged ?? [], run: run.id };
}
