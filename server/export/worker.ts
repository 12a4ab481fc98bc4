import { readdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { setPriority } from 'node:os';
import { runJob, type ExportDone, type ExportJob } from './job';

/**
 * The export process: a child process of the server (started by server/export/runner.ts) that runs export jobs
 * (server/export/job.ts) one at a time, at the lowest CPU priority, every thread of it.
 *
 * A process rather than a worker thread: a worker thread's heap is collected by V8's helper threads, which the whole
 * server process shares and which run at the event loop's priority. Under exports back to back they took about as
 * much CPU as the export itself, at full priority, on the cores the phones' writes need (docs/PERFORMANCE.md). A
 * process of its own has helper threads of its own, and at nice 19 all of it yields to the server.
 *
 * Channels: the job comes over the IPC channel (a few bytes); the answer goes back as one IPC message of a few bytes
 * (`ExportResult`: size, damaged entries, pseudonyms given) and the body as raw bytes on a pipe of its own (fd 3):
 * no serialisation, nothing decoded on the server's event loop but the bytes themselves. (Sending the body as IPC
 * messages, tried before, cost the event loop more than it saved: docs/PERFORMANCE.md.)
 */

/** This file, for the runner to start it (compiled: dist/server/export/worker.js, an entry of its own). */
export const WORKER_ENTRY = import.meta.url;

/** The environment variable that makes this file, when a process starts with it, the export process. */
export const EXPORT_PROCESS_ENV = 'WERKPLAATS_EXPORT_PROCESS';

/** The file descriptor of the body's pipe in the export process. */
export const BODY_FD = 3;

/** The answer to one job; its body (`size` bytes) stays in the process until the server asks for it. */
export type ExportResult = Omit<ExportDone, 'body'> & { size: number };

/**
 * What the server sends the process: a job; a body to write on the body pipe; a body to write as the whole HTTP
 * response on a socket handed over with the message (after `head`, the status line and headers); a body no longer
 * needed.
 */
export type ToExportProcess =
  | { type: 'job'; job: ExportJob }
  | { type: 'pipe'; id: number }
  | { type: 'deliver'; id: number; seq: number; head: string; idleMs: number }
  | { type: 'drop'; id: number };

/** What the process sends back: a job's answer, or how a delivery on a socket ended. */
export type FromExportProcess =
  ({ type: 'result' } & ExportResult) | { type: 'delivered'; id: number; seq: number; error?: string };

/**
 * How long a client may read nothing of an export handed to this process before its connection is closed (a laptop
 * that went to sleep mid-download): its body is then let go. The server sends it with each delivery (tests set less).
 */
export const DELIVERY_IDLE_MS = 60_000;

/** Bodies the process keeps at most (the server drops each once every request that shared it has it). */
export const BODIES_KEPT = 4;

/** Nice 19 for every thread there is (threads started later inherit it from the thread that starts them). */
function lowestPriority(): void {
  try {
    for (const tid of readdirSync('/proc/self/task')) setPriority(Number(tid), 19);
  } catch {
    // No /proc (not Linux): the process's main thread at least.
    try {
      setPriority(19);
    } catch {
      // not allowed: the priority stays
    }
  }
}

if (process.env[EXPORT_PROCESS_ENV] === '1' && process.send) {
  lowestPriority();
  const pipe = new Socket({ fd: BODY_FD, readable: false, writable: true });
  const post = (m: FromExportProcess) =>
    new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (err) => (err ? reject(err) : resolve())));
  const write = (out: Socket, bytes: Uint8Array | string) =>
    new Promise<void>((resolve, reject) => out.write(bytes, (err) => (err ? reject(err) : resolve())));
  /** Bodies made and not yet dropped, oldest first. */
  const bodies = new Map<number, Uint8Array>();
  const gone = () => process.exit(1);
  // One job at a time, in order; bodies go out on the pipe in the order asked, beside the jobs.
  let jobs = Promise.resolve();
  let piped = Promise.resolve();
  process.on('message', (m: ToExportProcess, handle?: Socket) => {
    if (m.type === 'job') {
      const { job } = m;
      jobs = jobs.then(async () => {
        let done: ExportDone;
        try {
          done = await runJob(job);
        } catch (err) {
          done = { id: job.id, error: err instanceof Error ? err.stack : String(err) };
        }
        const { body, ...rest } = done;
        bodies.set(job.id, body ?? new Uint8Array(0));
        for (const id of bodies.keys()) if (bodies.size > BODIES_KEPT) bodies.delete(id);
        // The server is gone or stopped listening: nothing more to do.
        await post({ type: 'result', ...rest, size: body?.byteLength ?? 0 }).catch(gone);
      });
    } else if (m.type === 'pipe') {
      const body = bodies.get(m.id) ?? new Uint8Array(0);
      piped = piped.then(() => (body.byteLength > 0 ? write(pipe, body).catch(gone) : undefined));
    } else if (m.type === 'deliver') {
      const body = bodies.get(m.id);
      let replied = false;
      const reply = (error?: string) => {
        if (replied) return;
        replied = true;
        post({ type: 'delivered', id: m.id, seq: m.seq, error }).catch(gone);
      };
      if (!handle || !body) {
        handle?.destroy();
        reply(handle ? 'body no longer here' : 'no socket');
        return;
      }
      // The whole response, then the connection closes (the head says so): nothing of it passes through the server.
      handle.on('error', (err) => reply(err.message));
      // A client that stops reading for this long is let go, and its body with it.
      handle.setTimeout(m.idleMs, () => handle.destroy(new Error('the client stopped reading')));
      void write(handle, m.head)
        .then(() => write(handle, body))
        .then(() => handle.end(() => reply()))
        .catch((err: unknown) => {
          handle.destroy();
          reply(err instanceof Error ? err.message : String(err));
        });
    } else if (m.type === 'drop') {
      bodies.delete(m.id);
    }
  });
  // The server gone (or it stopped this process): nothing more to do.
  process.on('disconnect', () => process.exit(0));
}
