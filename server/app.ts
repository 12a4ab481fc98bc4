import { loopDelay } from './loopDelay';
import express from 'express';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { apiErrorHandler, createApi } from './http/api';
import { uploadsRouter } from './exercises/vision/uploads';
import { gzipStatic } from './http/gzipStatic';
import { erasureRoutes } from './http/erasureRoutes';
import { participantRoutes } from './http/participantRoutes';
import { serialQueue } from './http/facilitatorRoutes';
import { createSocketServer } from './socket/io';
import { LeaseUnavailable, type WorkshopLease } from './scale/WorkshopLease';
import { Connections } from './connections';
import { securityHeaders } from './http/securityHeaders';
import { Notices } from './notices';
import { attachReliability } from './socket/reliability';
import type { Storage } from './storage/Storage';
import { DocHub } from './sync/DocHub';
import { createUpdateGuard } from './sync/guard/createGuard';
import { createYjsEndpoint } from './sync/yjsEndpoint';
import type { ConnectionLimits } from './sync/YjsConnection';
import { Workshops } from './workshops';
import { WS_CLOSE } from '../shared/protocol';
import { checkOrganiserKey } from './config';
import { isLoopback } from './http/rateLimit';
import { watchTombstones } from './scale/tombstones';
import { log, requestLogging } from './logging';
import { createMetrics, type Metrics } from './metrics';
import { healthRoutes } from './http/health';

export interface AppOptions {
  storage: Storage;
  /** scale-out: who may serve which workshop; one instance needs none. */
  lease?: WorkshopLease;
  organiserKey: string;
  /** Folder of the built client; not served when missing. */
  clientDir?: string;
  publicUrl?: string;
  /** DATA_DIR; uploads (the vision's photos) are stored under it, and refused when it is not given. */
  dataDir?: string;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (express 'trust proxy'); loopback by default. */
  trustProxy?: string[];
  /** Per-connection rates; defaults from shared/limits.ts (tests use smaller ones). */
  limits?: Partial<ConnectionLimits>;
  /** METRICS_TOKEN: `GET /metrics` with this Bearer token; without it, no /metrics route (server/metrics.ts). */
  metricsToken?: string;
}

export interface RunningApp {
  http: Server;
  hub: DocHub;
  workshops: Workshops;
  /** Every open connection (Yjs and command sockets), to close those of a rotated token. */
  connections: Connections;
  metrics: Metrics;
  /** Listens on the port (0 picks a free one, so tests can run in parallel) and resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, closes every connection, snapshots the documents and closes the storage. */
  close(): Promise<void>;
}

export function createApp(opts: AppOptions): RunningApp {
  checkOrganiserKey(opts.organiserKey, 'the organiser key');
  const connections = new Connections();
  const metrics = createMetrics({ connections, leasesHeld: () => opts.lease?.heldCount?.() ?? 0 });
  // A workshop deleted on another instance while this one serves it: the first refused write closes its
  // connections here (4404) and drops its documents (docs/SECURITY.md, "Deleting a workshop").
  const storage = watchTombstones(metrics.instrumentStorage(opts.storage), (workshopId) => {
    log.warn({ workshopId }, 'workshop was deleted on another instance; closing its connections on this instance');
    connections.closeWhere((p) => p.workshopId === workshopId, WS_CLOSE.notFound, 'workshop deleted');
    void hub.evictWhere((name) => name.startsWith(`${workshopId}/`));
  });
  const hub = new DocHub(storage, opts.lease);
  const workshops = new Workshops(opts.storage, hub);
  const notices = new Notices((n) => metrics.notice(n));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? ['loopback']);
  app.use(requestLogging());
  app.use(metrics.httpMiddleware());
  app.use(securityHeaders());

  loopDelay();
  // Liveness and readiness (server/http/health.ts), metrics behind METRICS_TOKEN (server/metrics.ts).
  app.use(healthRoutes({ storage: opts.storage, lease: opts.lease, dataDir: opts.dataDir }));
  app.use(metrics.router(opts.metricsToken));
  // The event loop's delay since the last reset (server/loopDelay.ts); numbers only, read by the benchmark. Only this
  // machine (the benchmark, an operator) may start a new window: nobody else can hide a delay by resetting it.
  app.get('/healthz/loop', (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(loopDelay(req.query.reset === '1' && isLoopback(req.ip)));
  });
  if (opts.dataDir) app.use('/api', uploadsRouter(opts.storage, opts.dataDir, hub));
  // scale-out: how many documents this instance serves now (operators and the multi-instance test read it).
  app.get('/healthz/docs', (_req, res) => {
    res.json({ loadedDocs: hub.loadedCount });
  });
  // Erasure, deletion and merge rewrite people's data: one queue, so they never interleave.
  const serial = serialQueue();
  app.use('/api', erasureRoutes({ storage: opts.storage, hub, connections, serial, dataDir: opts.dataDir }));
  app.use('/api', participantRoutes({ storage: opts.storage, hub, connections, serial, publicUrl: opts.publicUrl }));
  app.use(
    '/api',
    createApi({
      storage: opts.storage,
      workshops,
      hub,
      organiserKey: opts.organiserKey,
      publicUrl: opts.publicUrl,
      connections,
      dataDir: opts.dataDir,
    }),
  );

  const clientDir = opts.clientDir;
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    // The service worker is checked for a new build on every navigation: never cached by HTTP, scope the root.
    app.get('/sw.js', (_req, res, next) => {
      const file = path.join(clientDir, 'sw.js');
      if (!existsSync(file)) return next();
      res.set('Cache-Control', 'no-cache');
      res.sendFile(file);
    });
    // perf: scripts and styles leave gzipped (phones on slow networks).
    app.use(gzipStatic(clientDir));
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/f/…, /s/…, /p/…) all load the app shell.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(apiErrorHandler);

  const http = createServer(app);
  const guard = createUpdateGuard({ storage, hub });
  const yjs = createYjsEndpoint({
    storage: opts.storage,
    hub,
    guard,
    registry: connections,
    notices,
    limits: opts.limits,
  });
  const io = createSocketServer(http, { storage: opts.storage, hub });
  attachReliability(io, { hub, registry: connections, notices });
  http.on('upgrade', (req, socket, head) => {
    // scale-out: a workshop's lease is held for each of its open Yjs sockets. A socket for a workshop another
    // instance holds (it took it over while this one was down) is refused with 503 before the upgrade, so nginx
    // passes it on to the next instance, the one that holds it.
    const workshopId = /^\/yjs\/([^/?]+)\//.exec(req.url ?? '')?.[1];
    const lease = opts.lease;
    if (!lease || !workshopId) return void yjs.handleUpgrade(req, socket, head);
    lease.acquire(workshopId).then(
      () => {
        socket.once('close', () => void lease.release(workshopId).catch(() => undefined));
        yjs.handleUpgrade(req, socket, head);
      },
      async (err: unknown) => {
        // A deleted workshop is refused as such (4404) by the endpoint, whoever still holds its lease.
        if (await opts.storage.isWorkshopDeleted(workshopId).catch(() => false))
          return void yjs.handleUpgrade(req, socket, head);
        const status = err instanceof LeaseUnavailable ? '503 Service Unavailable' : '500 Internal Server Error';
        socket.end(`HTTP/1.1 ${status}\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      },
    );
  });

  let closing: Promise<void> | null = null;
  return {
    http,
    hub,
    workshops,
    connections,
    metrics,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const { port: p } = http.address() as AddressInfo;
          resolve(`http://localhost:${p}`);
        });
      });
    },
    close() {
      closing ??= (async () => {
        yjs.closeAll();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        http.closeAllConnections();
        await hub.flushAll();
        await opts.storage.close();
        metrics.close();
      })();
      return closing;
    },
  };
}
