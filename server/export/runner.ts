import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { readMeta } from '../../shared/controlDoc';
import { notFound } from '../errors';
import { HANDED_OVER } from '../http/answered';
import { onRoomWrite } from '../sync/roomActivity';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { KINDS, packLog, sourceOf, type ExportJob, type WorkerExportFormat } from './job';
import { docName, storeResearcherPseudonyms } from './record';
import {
  BODY_FD,
  EXPORT_PROCESS_ENV,
  WORKER_ENTRY,
  type ExportResult,
  type FromExportProcess,
  type ToExportProcess,
} from './worker';

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

// ---- the export process ----

interface Current {
  id: number;
  resolve: (r: ExportResult) => void;
  reject: (e: Error) => void;
}

let child: ChildProcess | null = null;
let current: Current | null = null;
/** Bodies asked for on the pipe, in the order the process writes them. */
let reads: Array<{ size: number; resolve: (b: Buffer) => void; reject: (e: Error) => void }> = [];
/** Body bytes read from the pipe and not yet claimed by a read. */
let bodyChunks: Buffer[] = [];
let bodyBytes = 0;
/** Responses whose socket went to the process, by delivery number. */
const deliveries = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
let nextDelivery = 1;
/** Bytes of bodies that passed through the server (the pipe), for tests and metrics. */
let pipedBytes = 0;

/** The export process while it runs (tests). */
export const exportProcess = (): ChildProcess | null => child;

/** How many body bytes came through the server rather than straight from the export process to a socket (tests). */
export const exportBytesThroughServer = () => pipedBytes;

/** util-linux's chrt, where there is one. */
const CHRT = ['/usr/bin/chrt', '/bin/chrt'].find((f) => existsSync(f)) ?? null;

/** Node flags the process shares with the server: its heap sizes, and profiling when the server is profiled. */
const inheritedFlags = () =>
  process.execArgv.filter((a) => /^--(max-semi-space-size|max-old-space-size|cpu-prof)/.test(a));

/** Gives out bodies read from the pipe, in order, as whole ones arrive. */
function claimBodies(): void {
  while (reads.length > 0 && bodyBytes >= reads[0]!.size) {
    const r = reads.shift()!;
    const all = bodyChunks.length === 1 ? bodyChunks[0]! : Buffer.concat(bodyChunks, bodyBytes);
    const body = Buffer.from(all.subarray(0, r.size));
    const rest = all.subarray(r.size);
    bodyChunks = rest.byteLength > 0 ? [rest] : [];
    bodyBytes = rest.byteLength;
    r.resolve(body);
  }
  if (reads.length === 0 && bodyBytes > 0) {
    // Never more than asked: the process writes a body only when asked.
    child?.kill();
  }
  if (child && !current && reads.length === 0 && deliveries.size === 0) idle(child);
}

/** The body of a run, read from the export process's body pipe. */
function readBody(id: number, size: number): Promise<Buffer> {
  if (size === 0) return Promise.resolve(Buffer.alloc(0));
  const c = child;
  if (!c) return Promise.reject(new Error('export process exited before its body was read'));
  return new Promise((resolve, reject) => {
    reads.push({ size, resolve, reject });
    busy(c);
    post(c, { type: 'pipe', id }).catch(reject);
  });
}

function dropBody(id: number): void {
  if (child) post(child, { type: 'drop', id }).catch(() => undefined);
}

function post(c: ChildProcess, m: ToExportProcess, handle?: Socket): Promise<void> {
  return new Promise((resolve, reject) =>
    // keepOpen: the server's copy of a handed socket stays whole until the route destroys it (handOver), so the HTTP
    // server counts the connection closed exactly once (without it, Node takes the socket away and counts it again
    // when it closes, and the server never finishes closing).
    c.send(m, handle, { keepOpen: true }, (err) => (err ? reject(err) : resolve())),
  );
}

/**
 * Hands the response's socket to the export process, which writes the status line, the headers set on `res` and the
 * body, and closes the connection. False where it cannot: a TLS socket, a HEAD request, no process, a socket gone.
 */
async function handOver(id: number, res: ServerResponse): Promise<boolean> {
  const socket = res.socket;
  const c = child;
  if (!c || !socket || socket.destroyed || socket instanceof TLSSocket || res.req.method !== 'GET') return false;
  if (!(socket as Socket & { _handle?: unknown })._handle || res.headersSent) return false;
  res.setHeader('Connection', 'close');
  res.setHeader('Date', new Date().toUTCString());
  const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage || STATUS_CODES[res.statusCode] || ''}`];
  for (const name of res.getHeaderNames()) {
    const value = res.getHeader(name);
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${String(v)}`);
  }
  const seq = nextDelivery++;
  const delivered = new Promise<void>((resolve, reject) => deliveries.set(seq, { resolve, reject }));
  busy(c);
  try {
    await post(c, { type: 'deliver', id, seq, head: `${lines.join('\r\n')}\r\n\r\n` }, socket);
  } catch (err) {
    deliveries.delete(seq);
    throw err;
  }
  // The process holds the connection now (the kernel passed it a descriptor of its own): the server closes its copy
  // of the descriptor (no FIN while the process holds one) and the HTTP server forgets the connection.
  socket.destroy();
  try {
    await delivered;
  } finally {
    if (child && !current && reads.length === 0 && deliveries.size === 0) idle(child);
  }
  res.emit(HANDED_OVER);
  return true;
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
    pipedBytes += chunk.byteLength;
    bodyChunks.push(chunk);
    bodyBytes += chunk.byteLength;
    claimBodies();
  });
  c.on('message', (m: FromExportProcess) => {
    if (child !== c) return;
    if (m.type === 'delivered') {
      const d = deliveries.get(m.seq);
      deliveries.delete(m.seq);
      if (m.error === undefined) d?.resolve();
      else d?.reject(new Error(`export not delivered: ${m.error}`));
      return;
    }
    if (!current || m.id !== current.id) return;
    const { type: _, ...result } = m;
    const done = current;
    current = null;
    resume(c);
    if (reads.length === 0 && deliveries.size === 0) idle(c);
    done.resolve(result);
  });
  const gone = (err: Error) => {
    if (child !== c) return;
    stopped = null;
    child = null;
    bodyChunks = [];
    bodyBytes = 0;
    const lost = [current, ...reads, ...deliveries.values()];
    current = null;
    reads = [];
    deliveries.clear();
    for (const l of lost) l?.reject(err);
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

function inProcess(job: ExportJob): Promise<ExportResult> {
  const c = startProcess();
  return new Promise((resolve, reject) => {
    // The queue never waits forever behind one export: a hung process is ended ('exit' rejects this run). (Time it
    // spent paused for the room counts: at most YIELD_SHARE of it.)
    const timer = setTimeout(() => c.kill('SIGKILL'), EXPORT_TIMEOUT_MS);
    timer.unref();
    current = {
      id: job.id,
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
    post(c, { type: 'job', job }).catch((err: Error) => {
      if (current?.id !== job.id) return;
      const lost = current;
      current = null;
      lost.reject(err);
    });
  });
}

// ---- stepping aside for the room ----

/**
 * While an export runs, every write a phone sends pauses the export process (SIGSTOP) until `YIELD_MS` after the
 * last one (SIGCONT). A write then finds both cores free of the export on its way through the server and to every
 * screen and phone: SCHED_IDLE alone leaves the export on the other core, where its memory traffic still slowed the
 * room (docs/PERFORMANCE.md). The same while it writes a body on a socket handed to it. Pausing never holds an export for good: within
 * each second it is paused for at most `YIELD_SHARE` of it, so a room that never stops writing makes exports slower,
 * not impossible. A paused process still dies of SIGKILL (the timeout); a server that exits resumes it, so it sees
 * the server gone and ends (and a server killed outright leaves it in an orphaned process group, which the kernel
 * sends SIGHUP and SIGCONT).
 */
export const YIELD_MS = 25;
export const YIELD_SHARE = 0.75;

/** The export process paused for the room: since when (performance.now()), or null while it runs. */
let stopped: { at: number; until: number; timer: NodeJS.Timeout } | null = null;
/** The second the share is counted in, and how much of it the process was paused. */
let shareFrom = 0;
let shareUsed = 0;
/** How often the export process was paused (tests, metrics). */
let pauses = 0;

/** Pauses so far, whether the export process is paused now, and whether it has a job (tests). */
export const exportPauses = () => ({ pauses, paused: stopped !== null, working: current !== null });

function countShare(now: number): void {
  if (now - shareFrom >= 1000) {
    shareFrom = now;
    shareUsed = 0;
  }
}

function resume(c: ChildProcess): void {
  if (!stopped) return;
  const now = performance.now();
  clearTimeout(stopped.timer);
  countShare(now);
  shareUsed += now - stopped.at;
  stopped = null;
  c.kill('SIGCONT');
}

function onResumeTimer(): void {
  const c = child;
  if (!c || !stopped) return;
  const left = stopped.until - performance.now();
  if (left > 1) {
    stopped.timer = setTimeout(onResumeTimer, left);
    return;
  }
  resume(c);
}

// A server that exits while its export process is paused lets it go on, so it sees the server gone and ends.
process.once('exit', () => {
  if (child && stopped) child.kill('SIGCONT');
});

onRoomWrite(() => {
  const c = child;
  // Working: a job, or a body being written on a socket handed over.
  if (!c || (!current && deliveries.size === 0)) return;
  const now = performance.now();
  countShare(now);
  // What may still be paused of this second.
  const allowed = YIELD_SHARE * 1000 - shareUsed - (stopped ? now - stopped.at : 0);
  if (allowed <= 0) return;
  const until = now + Math.min(YIELD_MS, allowed);
  if (stopped) {
    stopped.until = Math.max(stopped.until, until);
    return;
  }
  if (!c.kill('SIGSTOP')) return;
  pauses++;
  stopped = { at: now, until, timer: setTimeout(onResumeTimer, until - now) };
});
