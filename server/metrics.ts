import { timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express, { type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Notice } from '../shared/protocol';
import { NOTICE_CODES } from '../shared/protocol';
import { ROLES } from '../shared/roles';
import type { Connections } from './connections';
import { EXPORT_FORMATS } from './http/research';
import type { Storage } from './storage/Storage';
import { whenAnswered } from './http/answered';

/**
 * Prometheus metrics (prom-client), one registry per app (tests run several apps in one process). Served at
 * `GET /metrics` with `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN the route does not exist (404).
 * Counting is always on and cheap; only the serving needs the token.
 */
export interface Metrics {
  registry: Registry;
  /** Storage with appendUpdate counted (werkplaats_updates_total) and timed until durable (flush latency). */
  instrumentStorage(storage: Storage): Storage;
  /** A notice sent to a participant: refusals and slow-downs are counted by reason. */
  notice(notice: Notice): void;
  /** Counts HTTP refusals (401, 403, 413, 429) and times exports. */
  httpMiddleware(): (req: Request, res: Response, next: NextFunction) => void;
  /** `GET /metrics`; 404 without a token configured, 401 with a wrong one. */
  router(token: string | undefined): express.Router;
  close(): void;
}

export interface MetricsSources {
  connections: Connections;
  /** Workshop leases this instance holds (scale-out); none with one instance. */
  leasesHeld: () => number;
}

// A refusal reason as a bounded label: numbers (client ids, counts) and quoted values stripped, at most 60 characters,
// and at most MAX_REASONS different ones (then "other"), so a hostile client cannot grow the registry.
const MAX_REASONS = 50;
export const reasonLabel = (reason: string): string =>
  reason
    .replace(/"[^"]*"|'[^']*'/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 60)
    .trim() || 'unknown';

const HTTP_REFUSALS: Record<number, string> = {
  401: 'http_unauthorised',
  403: 'http_forbidden',
  413: 'http_too_large',
  429: 'http_too_many_requests',
};
const EXPORT_PATH = /^\/api\/workshops\/[^/]+\/export$/;
const EXPORT_FORMAT_SET = new Set<string>(EXPORT_FORMATS);

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  const reasons = new Set<string>();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  new Gauge({
    name: 'werkplaats_connections',
    help: 'Open connections by role and channel (yjs: a document websocket; io: the command socket).',
    labelNames: ['role', 'channel'],
    registers: [registry],
    collect() {
      this.reset();
      for (const role of ROLES) {
        for (const channel of ['yjs', 'io'] as const) {
          const n = sources.connections.count(
            (c) => c.principal.role === role && (channel === 'io' ? c.channel === 'io' : c.channel.startsWith('yjs')),
          );
          this.set({ role, channel }, n);
        }
      }
    },
  });
  const updates = new Counter({
    name: 'werkplaats_updates_total',
    help: 'Yjs updates stored (accepted and durable); rate() gives updates per second.',
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'werkplaats_refusals_total',
    help: 'Refused writes and requests by reason (write: the guard refused an update; slow_down: a client sending too fast; http_*: refused requests).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const flush = new Histogram({
    name: 'werkplaats_storage_flush_seconds',
    help: 'Time from handing an update to storage until it is durable (group commit and write-ahead-log flush).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const storageErrors = new Counter({
    name: 'werkplaats_storage_errors_total',
    help: 'Updates storage could not store (they are held and retried).',
    registers: [registry],
  });
  new Gauge({
    name: 'werkplaats_event_loop_delay_seconds',
    help: 'Event-loop delay since the previous scrape (what a message waits at most before the server gets to it).',
    labelNames: ['stat'],
    registers: [registry],
    collect() {
      const s = (ns: number) => (loop.count ? ns / 1e9 : 0);
      this.set({ stat: 'max' }, s(loop.max));
      this.set({ stat: 'p99' }, s(loop.percentile(99)));
      this.set({ stat: 'mean' }, s(loop.mean));
      loop.reset();
    },
  });
  new Gauge({
    name: 'werkplaats_leases_held',
    help: 'Workshop leases this instance holds (scale-out with PostgreSQL; 0 with one instance).',
    registers: [registry],
    collect() {
      this.set(sources.leasesHeld());
    },
  });
  const exportTime = new Histogram({
    name: 'werkplaats_export_seconds',
    help: 'Time to build and send an export, by format.',
    labelNames: ['format', 'status'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  let defaults = false;

  const refuse = (reason: string) => {
    let label = reasonLabel(reason);
    if (!reasons.has(label)) {
      if (reasons.size >= MAX_REASONS) label = 'other';
      else reasons.add(label);
    }
    refusals.inc({ reason: label });
  };

  return {
    registry,
    instrumentStorage(storage) {
      const appendUpdate: Storage['appendUpdate'] = async (...args) => {
        const end = flush.startTimer();
        try {
          const seq = await storage.appendUpdate(...args);
          updates.inc();
          return seq;
        } catch (err) {
          storageErrors.inc();
          throw err;
        } finally {
          end();
        }
      };
      return new Proxy(storage, {
        get(target, prop, receiver) {
          if (prop === 'appendUpdate') return appendUpdate;
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    notice(n) {
      if (n.code === NOTICE_CODES.refused) refuse(`write: ${n.message}`);
      else if (n.code === NOTICE_CODES.slowDown) refuse('slow_down');
    },
    httpMiddleware() {
      return (req, res, next) => {
        const isExport = req.method === 'GET' && EXPORT_PATH.test(req.path);
        const end = isExport ? exportTime.startTimer() : null;
        whenAnswered(res, () => {
          const refusal = HTTP_REFUSALS[res.statusCode];
          if (refusal) refuse(refusal);
          if (end) {
            const f = String(req.query.format ?? 'json');
            end({ format: EXPORT_FORMAT_SET.has(f) ? f : 'other', status: String(res.statusCode) });
          }
        });
        next();
      };
    },
    router(token) {
      const r = express.Router();
      // Off without a token: a plain 404 (not the client's app shell, which answers every other path).
      if (!token) return r.get('/metrics', (_req, res) => void res.status(404).json({ error: { code: 'not_found' } }));
      if (!defaults) {
        // Process metrics (memory, CPU, garbage collection), only where someone reads them.
        collectDefaultMetrics({ register: registry });
        defaults = true;
      }
      const expected = Buffer.from(`Bearer ${token}`);
      r.get('/metrics', (req, res, next) => {
        const given = Buffer.from(req.get('authorization') ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res
            .status(401)
            .set('WWW-Authenticate', 'Bearer')
            .json({ error: { code: 'unauthorized' } });
          return;
        }
        res.set('Cache-Control', 'no-store');
        registry.metrics().then((text) => {
          res.type(registry.contentType).send(text);
        }, next);
      });
      return r;
    },
    close() {
      loop.disable();
      registry.clear();
    },
  };
}
