import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runJob, type ExportDone, type ExportJob } from './job';

/**
 * The export thread: a worker thread of the server (started by server/export/runner.ts) that runs export jobs
 * (server/export/job.ts) one at a time, at the lowest CPU priority (nice 19, Linux: the thread's own id from
 * /proc/thread-self), so an export takes the CPU the event loop leaves. The body goes back transferred (the bytes
 * change owner; nothing is copied on the event loop).
 *
 * A child process was tried (2026-12-03, docs/PERFORMANCE.md): its own V8 helper threads would run at nice 19 too,
 * but the body then crosses into the server's heap as IPC messages, read, joined and copied again on the event loop,
 * and the phones' p95 with exports back to back was worse (34–117 ms against 20 ms), so the thread stays.
 */

/** This file, for the runner to start it (compiled: dist/server/export/worker.js, an entry of its own). */
export const WORKER_ENTRY = import.meta.url;

/** Marks the thread the runner starts (so no other worker thread that imports this file becomes one). */
export const EXPORT_THREAD = 'werkplaats-export';

if (!isMainThread && parentPort && workerData === EXPORT_THREAD) {
  const port = parentPort;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, 19);
  } catch {
    // no /proc or not allowed: the priority stays
  }
  port.on('message', (job: ExportJob) => {
    runJob(job).then(
      (done: ExportDone) => {
        // Transferred only when it owns its whole buffer (small Buffers share Node's pool): otherwise a copy that does.
        const b = done.body;
        const body = b && b.byteLength !== b.buffer.byteLength ? new Uint8Array(b) : b;
        port.postMessage({ ...done, body }, body ? [body.buffer as ArrayBuffer] : []);
      },
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.stack : String(err) }),
    );
  });
}
