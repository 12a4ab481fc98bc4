import { spawn, type ChildProcess } from 'node:child_process';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HANDED_OVER } from '../http/answered';
import { log } from '../logging';
import { onRoomWrite } from '../sync/roomActivity';
import { CHRT } from './chrt';
import type { ExportJob } from './job';
import { PauseForRoom } from './pauseForRoom';
import {
  BODY_FD,
  DELIVERY_IDLE_MS,
  EXPORT_PROCESS_ENV,
  WORKER_ENTRY,
  type ExportResult,
  type FromExportProcess,
  type ToExportProcess,
} from './worker';

/**
 * The export process as the server sees it (server/export/worker.ts is the process itself): started on first use under
 * SCHED_IDLE, one job at a time (`inProcess`, for the queue in server/export/runner.ts), each body kept there until
 * every request that shared its run has it: written by the process on a request's own socket (`handOver`) or read on
 * the body pipe (`readBody`), then dropped (`dropBody`). Paused for the room while it works (./pauseForRoom.ts).
 */

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

let deliveryIdleMs = DELIVERY_IDLE_MS;

/** Sets how long a client may read nothing of a handed-over export (tests; the server keeps 60 s). Returns the previous. */
export function setDeliveryIdleMs(ms: number): number {
  const before = deliveryIdleMs;
  deliveryIdleMs = ms;
  return before;
}

/** Exports handed to the process whose delivery has not ended yet (tests). */
export const exportDeliveries = (): number => deliveries.size;

/** The export process while it runs (tests). */
export const exportProcess = (): ChildProcess | null => child;

/** How many body bytes came through the server rather than straight from the export process to a socket (tests). */
export const exportBytesThroughServer = () => pipedBytes;

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
  idleIfDone();
}

/** The body of a run, read from the export process's body pipe. */
export function readBody(id: number, size: number): Promise<Buffer> {
  if (size === 0) return Promise.resolve(Buffer.alloc(0));
  const c = child;
  if (!c) return Promise.reject(new Error('export process exited before its body was read'));
  return new Promise((resolve, reject) => {
    reads.push({ size, resolve, reject });
    busy(c);
    post(c, { type: 'pipe', id }).catch(reject);
  });
}

export function dropBody(id: number): void {
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
export async function handOver(id: number, res: ServerResponse): Promise<boolean> {
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
    await post(c, { type: 'deliver', id, seq, head: `${lines.join('\r\n')}\r\n\r\n`, idleMs: deliveryIdleMs }, socket);
  } catch (err) {
    deliveries.delete(seq);
    throw err;
  }
  // The process holds the connection now (the kernel passed it a descriptor of its own): the server closes its copy
  // of the descriptor (no FIN while the process holds one) and the HTTP server forgets the connection.
  socket.destroy();
  try {
    await delivered;
  } catch (err) {
    // The response is the process's now: its status line went out, so there is nothing left to answer. A client that
    // stopped reading (a laptop asleep mid-download) gets less than its Content-Length and reports the download failed.
    log.warn({ err }, 'export: not delivered whole');
  } finally {
    idleIfDone();
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
    pause.resume();
    idleIfDone();
    done.resolve(result);
  });
  const gone = (err: Error) => {
    if (child !== c) return;
    pause.forget();
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

/** The process with nothing to do (no job, no body asked for on the pipe or being written) lets the server exit. */
function idleIfDone(): void {
  if (child && !current && reads.length === 0 && deliveries.size === 0) idle(child);
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

export function inProcess(job: ExportJob): Promise<ExportResult> {
  const c = startProcess();
  return new Promise((resolve, reject) => {
    // The queue never waits forever behind one export: a hung process is ended ('exit' rejects this run). (Time it
    // spent paused for the room counts: at most YIELD_SHARE of it, server/export/pauseForRoom.ts.)
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

const pause = new PauseForRoom(
  () => child,
  // Working: a job, or a body being written on a socket handed over.
  () => current !== null || deliveries.size > 0,
);
onRoomWrite(() => pause.roomWrote());
// A server that exits while its export process is paused lets it go on, so it sees the server gone and ends.
process.once('exit', () => pause.resume());

/** Pauses so far, whether the export process is paused now, and whether it has a job (tests). */
export const exportPauses = () => ({ ...pause.state(), working: current !== null });
