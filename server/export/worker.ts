import { readdirSync } from 'node:fs';
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
 * Messages (structured clone, `serialization: 'advanced'`): the server sends an `ExportJob`; the process answers with
 * the body in `ExportChunk`s of at most 1 MiB (each arrives and is decoded on the server's event loop as a small
 * step, not one step of megabytes) and then one `ExportResult`.
 */

/** This file, for the runner to start it (compiled: dist/server/export/worker.js, an entry of its own). */
export const WORKER_ENTRY = import.meta.url;

/** The environment variable that makes this file, when a process starts with it, the export process. */
export const EXPORT_PROCESS_ENV = 'WERKPLAATS_EXPORT_PROCESS';

export const CHUNK_BYTES = 1 << 20;

export interface ExportChunk {
  id: number;
  chunk: Uint8Array;
}

export type ExportResult = Omit<ExportDone, 'body'> & { done: true; size: number };

/** Nice 19 for every thread there is (threads started later inherit it from the thread that starts them). */
function lowestPriority(): void {
  try {
    for (const tid of readdirSync('/proc/self/task')) setPriority(Number(tid), 19);
  } catch {
    // No /proc (not Linux): the process itself at least.
    try {
      setPriority(19);
    } catch {
      // not allowed: the priority stays
    }
  }
}

if (process.env[EXPORT_PROCESS_ENV] === '1' && process.send) {
  lowestPriority();
  const send = (m: ExportChunk | ExportResult) =>
    new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (err) => (err ? reject(err) : resolve())));
  // One job at a time, in order (the runner sends the next only after this one's result).
  let queue = Promise.resolve();
  process.on('message', (job: ExportJob) => {
    queue = queue.then(async () => {
      let result: ExportResult;
      try {
        const { body, ...rest } = await runJob(job);
        for (let at = 0; body && at < body.byteLength; at += CHUNK_BYTES) {
          await send({ id: job.id, chunk: body.subarray(at, at + CHUNK_BYTES) });
        }
        result = { ...rest, done: true, size: body?.byteLength ?? 0 };
      } catch (err) {
        result = { id: job.id, done: true, size: 0, error: err instanceof Error ? err.stack : String(err) };
      }
      await send(result).catch(() => process.exit(1));
    });
  });
  // The server gone (or it stopped this process): nothing more to do.
  process.on('disconnect', () => process.exit(0));
}
