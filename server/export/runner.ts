import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { KINDS, packLog, sourceOf, type ExportJob, type WorkerExportFormat } from './job';
import { docName, storeResearcherPseudonyms } from './record';
import { BODY_FD, EXPORT_PROCESS_ENV, WORKER_ENTRY, type ExportResult } from './worker';

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
 * itself. The body comes back as raw bytes on the process's body pipe (nothing to decode); pseudonyms the run gave researchers are stored
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
  /** The body as the job wrote it (the bytes read from the export process's body pipe). */
  body: Buffer;
  size: number;
  damaged: NonNullable<ExportResult['damaged']>;
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
  const { result, body } = await inProcess(job);
  if (result.error !== undefined) throw new Error(`export failed in its process: ${result.error}`);
  if (result.notFound) throw notFound('workshop');
  await storeResearcherPseudonyms(hub, workshopId, result.assigned ?? []);
  return { body, size: body.byteLength, damaged: result.damaged ?? [], run: run.id };
}

// ---- the export process ----

interface Current {
  id: number;
  /** The answer, once it came (the body may come before it or after: two channels). */
  result: ExportResult | null;
  resolve: (r: { result: ExportResult; body: Buffer }) => void;
  reject: (e: Error) => void;
}

let child: ChildProcess | null = null;
let current: Current | null = null;
/** Body bytes read from the pipe and not yet claimed by an answer. */
let bodyChunks: Buffer[] = [];
let bodyBytes = 0;

/** The export process while it runs (tests). */
export const exportProcess = (): ChildProcess | null => child;

/** util-linux's chrt, where there is one. */
const CHRT = ['/usr/bin/chrt', '/bin/chrt'].find((f) => existsSync(f)) ?? null;

/** Node flags the process shares with the server: its heap sizes, and profiling when the server is profiled. */
const inheritedFlags = () =>
  process.execArgv.filter((a) => /^--(max-semi-space-size|max-old-space-size|cpu-prof)/.test(a));

/** The current run ends once its answer and all of its body are here. */
function settleIfWhole(): void {
  const c = current;
  if (!c?.result || bodyBytes < c.result.size) return;
  const all = bodyChunks.length === 1 ? bodyChunks[0]! : Buffer.concat(bodyChunks, bodyBytes);
  const body = all.subarray(0, c.result.size);
  // Never more: one job at a time, and the process writes a body only after its answer for that job.
  if (all.byteLength > c.result.size) {
    current = null;
    c.reject(new Error(`export process sent ${all.byteLength - c.result.size} bytes too many`));
    child?.kill();
    return;
  }
  bodyChunks = [];
  bodyBytes = 0;
  current = null;
  if (child) idle(child);
  c.resolve({ result: c.result, body });
}

function startProcess(): ChildProcess {
  if (child) return child;
  // From TypeScript (development, tests, the bench) with tsx's loader, resolved from here; compiled
  // (dist/server/export/worker.js, the Dockerfile's `node dist/server/main.js`) as plain JavaScript.
  const ts = WORKER_ENTRY.endsWith('.ts');
  const loader = ts ? ['--import', pathToFileURL(createRequire(WORKER_ENTRY).resolve('tsx')).href] : [];
  const node = [process.execPath, ...inheritedFlags(), ...loader, fileURLToPath(WORKER_ENTRY)];
  // Linux's SCHED_IDLE (util-linux's chrt, in every Debian image): the process runs only on a core nothing else
  // wants, and any other thread that wakes takes the core from it at once. At nice 19 alone it kept the core for the
  // rest of its time slice, and the phones' writes waited (docs/PERFORMANCE.md). Without chrt: nice 19 (worker.ts).
  const [cmd, ...args] = CHRT ? [CHRT, '--idle', '0', ...node] : node;
  const c = spawn(cmd!, args, {
    env: { ...process.env, [EXPORT_PROCESS_ENV]: '1' },
    // The job may hold bytes (a storage the process cannot open hands its documents over).
    serialization: 'advanced',
    // fd 3 (BODY_FD): the body pipe; fd 4: the IPC channel.
    stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'ipc'],
  });
  const pipe = c.stdio[BODY_FD] as Readable;
  bodyChunks = [];
  bodyBytes = 0;
  pipe.on('data', (chunk: Buffer) => {
    if (child !== c) return;
    bodyChunks.push(chunk);
    bodyBytes += chunk.byteLength;
    settleIfWhole();
  });
  c.on('message', (m: ExportResult) => {
    if (child !== c || !current || m.id !== current.id) return;
    current.result = m;
    settleIfWhole();
  });
  const gone = (err: Error) => {
    if (child !== c) return;
    child = null;
    bodyChunks = [];
    bodyBytes = 0;
    const lost = current;
    current = null;
    lost?.reject(err);
  };
  c.on('error', gone);
  c.on('exit', (code, signal) => gone(new Error(`export process exited (${signal ?? code})`)));
  child = c;
  idle(c);
  return c;
}

/** An idle export process never keeps the server's process alive. */
function idle(c: ChildProcess): void {
  c.unref();
  (c.channel as { unref?: () => void } | undefined)?.unref?.();
  (c.stdio[BODY_FD] as Readable & { unref?: () => void }).unref?.();
}

function busy(c: ChildProcess): void {
  c.ref();
  (c.channel as { ref?: () => void } | undefined)?.ref?.();
  (c.stdio[BODY_FD] as Readable & { ref?: () => void }).ref?.();
}

/** An export that has not finished after this long is taken as hung: its process is ended, the request fails. */
export const EXPORT_TIMEOUT_MS = 5 * 60_000;

function inProcess(job: ExportJob): Promise<{ result: ExportResult; body: Buffer }> {
  const c = startProcess();
  return new Promise((resolve, reject) => {
    // The queue never waits forever behind one export: a hung process is ended ('exit' rejects this run).
    const timer = setTimeout(() => c.kill('SIGKILL'), EXPORT_TIMEOUT_MS);
    timer.unref();
    current = {
      id: job.id,
      result: null,
      resolve: (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    };
    busy(c);
    c.send(job, (err) => {
      if (!err || current?.id !== job.id) return;
      const lost = current;
      current = null;
      lost.reject(err);
    });
  });
}
