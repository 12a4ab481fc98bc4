import express from 'express';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { apiErrorHandler, createApi } from './http/api';
import { gzipStatic } from './http/gzipStatic';
import { createSocketServer } from './socket/io';
import type { WorkshopLease } from './scale/WorkshopLease';
import type { Storage } from './storage/Storage';
import { DocHub } from './sync/DocHub';
import { createYjsEndpoint } from './sync/yjsEndpoint';
import type { UpdateGuard } from './sync/YjsConnection';
import { Workshops } from './workshops';

export interface AppOptions {
  storage: Storage;
  /** scale-out: who may serve which workshop; one instance needs none. */
  lease?: WorkshopLease;
  organiserKey: string;
  /** Folder of the built client; not served when missing. */
  clientDir?: string;
  publicUrl?: string;
}

export interface RunningApp {
  http: Server;
  hub: DocHub;
  workshops: Workshops;
  /** Listens on the port (0 picks a free one, so tests can run in parallel) and resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, closes every connection, snapshots the documents and closes the storage. */
  close(): Promise<void>;
}

/** Allows every well-formed write for now; permission checks per item hook in here. */
const allowAll: UpdateGuard = () => null;

export function createApp(opts: AppOptions): RunningApp {
  const hub = new DocHub(opts.storage, opts.lease);
  const workshops = new Workshops(opts.storage, hub);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // scale-out: how many documents this instance serves now (operators and the multi-instance test read it).
  app.get('/healthz/docs', (_req, res) => {
    res.json({ loadedDocs: hub.loadedCount });
  });
  app.use(
    '/api',
    createApi({ storage: opts.storage, workshops, organiserKey: opts.organiserKey, publicUrl: opts.publicUrl }),
  );

  const clientDir = opts.clientDir;
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
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
  const yjs = createYjsEndpoint({ storage: opts.storage, hub, guard: allowAll });
  const io = createSocketServer(http, { storage: opts.storage, hub });
  http.on('upgrade', (req, socket, head) => {
    yjs.handleUpgrade(req, socket, head);
  });

  let closing: Promise<void> | null = null;
  return {
    http,
    hub,
    workshops,
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
      })();
      return closing;
    },
  };
}
