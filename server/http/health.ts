import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import express from 'express';
import * as Y from 'yjs';
import type { WorkshopLease } from '../scale/WorkshopLease';
import type { Storage } from '../storage/Storage';

/** Per check: 'ok', or why it failed. */
export type ReadinessChecks = Record<string, string>;

const PROBE_TIMEOUT_MS = 5000;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const failure = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * `GET /healthz`: the process is alive and its event loop answers (nothing else is checked: a liveness probe that
 * restarts the process must not fire because the disk is full). `GET /readyz`: the instance can do its work:
 * - storage: a write that goes through the same durable path as every update (group commit and log flush for SQLite,
 *   a transaction for PostgreSQL) and a read of it back: a snapshot row of the document `_readyz/<hostname>` (which
 *   no workshop can name), a tiny Yjs document with a fresh value;
 * - dataDir: a new file can be created, written, read and removed in DATA_DIR (uploads and the database's own files
 *   live there; a read-only or full DATA_DIR fails here);
 * - leases (scale-out): PostgreSQL holds every workshop lease this instance serves under.
 * 200 with `{ ready: true, checks }`, or 503 with the failing check's reason. Concurrent probes share one run.
 */
export function healthRoutes(opts: { storage: Storage; lease?: WorkshopLease; dataDir?: string }): express.Router {
  const r = express.Router();
  // One row per host (a container keeps its hostname across restarts), so instances never read each other's probe.
  const probeDoc = `_readyz/${hostname()}`;
  let running: Promise<ReadinessChecks> | null = null;

  const storageCheck = async (): Promise<void> => {
    // A valid (tiny) Yjs V2 update, like every other snapshot row, so tools that decode snapshots never trip on it.
    const doc = new Y.Doc();
    doc.getMap('readyz').set('nonce', randomBytes(8).toString('hex'));
    const nonce = Buffer.from(Y.encodeStateAsUpdateV2(doc));
    doc.destroy();
    await opts.storage.saveSnapshot(probeDoc, nonce, 0);
    const back = await opts.storage.loadDoc(probeDoc);
    if (!back.snapshot || !Buffer.from(back.snapshot).equals(nonce)) throw new Error('read back a different value');
  };
  const dataDirCheck = async (dir: string): Promise<void> => {
    const file = path.join(dir, `.readyz-${randomUUID()}`);
    const nonce = randomBytes(16).toString('hex');
    await writeFile(file, nonce, { flag: 'wx' });
    try {
      if ((await readFile(file, 'utf8')) !== nonce) throw new Error('read back a different value');
    } finally {
      await unlink(file).catch(() => undefined);
    }
  };

  const run = async (): Promise<ReadinessChecks> => {
    const checks: Record<string, () => Promise<void>> = { storage: storageCheck };
    if (opts.dataDir) checks.dataDir = () => dataDirCheck(opts.dataDir!);
    const lease = opts.lease;
    if (lease?.check) checks.leases = () => lease.check!();
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await within(check(), PROBE_TIMEOUT_MS, name);
          return [name, 'ok'] as const;
        } catch (err) {
          return [name, failure(err)] as const;
        }
      }),
    );
    return Object.fromEntries(entries);
  };

  r.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ ok: true });
  });
  r.get('/readyz', (req, res) => {
    running ??= run().finally(() => (running = null));
    void running.then((checks) => {
      const ready = Object.values(checks).every((v) => v === 'ok');
      if (!ready) {
        req.log?.warn({ checks }, 'not ready');
        res.locals.logged = true;
      }
      res.set('Cache-Control', 'no-store');
      res.status(ready ? 200 : 503).json({ ready, checks });
    });
  });
  return r;
}
