import { afterEach, beforeEach } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { createWorkshop, yClient, type YClient } from './clients';
import { startServer, type TestServer } from './startServer';

/**
 * A real server and a new workshop for every test of the calling `describe` (its own beforeEach/afterEach), and Yjs
 * clients on it (and whatever a test adds to `open`) that are closed after the test. `server` may be replaced inside a test (a restart on the same data);
 * the one in place at the end is closed.
 */
export function workshopPerTest() {
  const open: Array<{ destroy(): void }> = [];
  const room = {
    /** Anything else to close after the test (a raw provider, a socket wrapper). */
    open,
    server: undefined as unknown as TestServer,
    w: undefined as unknown as CreateWorkshopResponse,
    /** A Yjs client of one of the workshop's documents (`board`, `control`, `research`, `own/<id>`) as `token`. */
    client(doc: string, token: string): YClient {
      const c = yClient(room.server.url, room.w.id, doc, token);
      open.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    room.server = await startServer();
    room.w = await createWorkshop(room.server.url, room.server.organiserKey);
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await room.server.close();
  });
  return room;
}
