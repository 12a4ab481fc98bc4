import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createApp, type AppOptions } from '../../server/app';
import { serverOrigin } from '../../server/sync/origins';
import { SqliteStorage } from '../../server/storage/SqliteStorage';

export interface TestServer {
  url: string;
  port: number;
  organiserKey: string;
  dataDir: string;
  /** The running app, for tests that look inside (open connections, loaded documents). */
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * A real server on a free port (port 0), with real SQLite in a temporary DATA_DIR, serving the built client.
 * Pass `dataDir` and `port` to start again on the same data, as after a restart.
 */
export async function startServer(
  opts: { dataDir?: string; port?: number; limits?: AppOptions['limits'] } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'werkplaats-test-'));
  const organiserKey = 'test-organiser-key-of-24-characters';
  const app = createApp({
    storage: new SqliteStorage(dataDir),
    organiserKey,
    clientDir: path.resolve('dist/client'),
    dataDir,
    limits: opts.limits,
  });
  const url = await app.listen(opts.port ?? 0, '127.0.0.1');
  return { url, port: Number(new URL(url).port), organiserKey, dataDir, app, close: () => app.close() };
}

/**
 * Writes into a document as the server itself, past the guard, as an older server or a repaired log could have
 * left it: for tests of what the record does with entries no client may write today. Resolves once stored.
 */
export async function writeAsServer(server: TestServer, docName: string, fn: (doc: Y.Doc) => void): Promise<void> {
  const live = await server.app.hub.get(docName);
  try {
    Y.transact(live.doc, () => fn(live.doc), serverOrigin('test'));
    await live.idle();
  } finally {
    server.app.hub.release(live);
  }
}
