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

/** The answer to one job; its body (`size` bytes) follows on the body pipe. */
export type ExportResult = Omit<ExportDone, 'body'> & { size: number };

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
  const send = (m: ExportResult) =>
    new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (err) => (err ? reject(err) : resolve())));
  const write = (body: Uint8Array) =>
    new Promise<void>((resolve, reject) => pipe.write(body, (err) => (err ? reject(err) : resolve())));
  // One job at a time, in order (the runner sends the next only after this one's result and body).
  let queue = Promise.resolve();
  process.on('message', (job: ExportJob) => {
    queue = queue.then(async () => {
      let done: ExportDone;
      try {
        done = await runJob(job);
      } catch (err) {
        done = { id: job.id, error: err instanceof Error ? err.stack : String(err) };
      }
      const { body, ...rest } = done;
      try {
        await send({ ...rest, size: body?.byteLength ?? 0 });
        if (body && body.byteLength > 0) await write(body);
      } catch {
        // The server is gone or stopped listening: nothing more to do.
        process.exit(1);
      }
    });
  });
  // The server gone (or it stopped this process): nothing more to do.
  process.on('disconnect', () => process.exit(0));
}
