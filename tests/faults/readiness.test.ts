import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/boardDoc';
import { trackAcks, type AckState } from '../../client/sync/acks';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { noteItem } from '../helpers/items';
import { smallDisk } from '../helpers/smallDisk';
import { startServer, type TestServer } from '../helpers/startServer';

interface Readiness {
  status: number;
  body: { ready: boolean; checks: Record<string, string> };
}

const readyz = async (url: string): Promise<Readiness> => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
};

/**
 * `/readyz` answers 503 while storage cannot write and 200 again once it can; `/healthz` stays 200 throughout (the
 * process is alive: restarting it would not help). Real server, real SQLite, real file systems.
 */
describe('readiness', { timeout: 120_000 }, () => {
  const cleanups: Array<() => void> = [];
  afterAll(() => {
    for (const c of cleanups.reverse()) c();
  });

  it('is ready with working storage, not ready while DATA_DIR is read-only (immutable), ready again after', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-ready-'));
    // As root, chmod does not stop writes; the immutable attribute does (chattr +i: no new file in the folder).
    cleanups.push(() => execFileSync('chattr', ['-i', dataDir]));
    const server = await startServer({ dataDir });
    try {
      const ok = await readyz(server.url);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ ready: true, checks: { storage: 'ok', dataDir: 'ok' } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      execFileSync('chattr', ['+i', dataDir]);
      const down = await waitFor(async () => {
        const r = await readyz(server.url);
        return r.status === 503 ? r : null;
      });
      expect(down.body.ready).toBe(false);
      expect(down.body.checks.dataDir).toMatch(/EPERM|EACCES|EROFS/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      execFileSync('chattr', ['-i', dataDir]);
      await waitFor(async () => (await readyz(server.url)).status === 200);
    } finally {
      await server.close();
    }
  });

  it('is not ready while the disk is full (the database cannot store), ready again once space is freed', async () => {
    const disk = smallDisk('werkplaats-ready-full-');
    cleanups.push(disk.release);
    let server: TestServer | null = await startServer({ dataDir: disk.dir });
    let phone: YClient | null = null;
    try {
      expect((await readyz(server.url)).status).toBe(200);
      const w = await createWorkshop(server.url, server.organiserKey);
      const a = await joinAs(server.url, w, 'Aïcha');
      phone = yClient(server.url, w.id, 'board', a.token);
      const p = phone;
      const states: AckState[] = [];
      trackAcks(p.provider, p.doc, (s) => states.push(s));
      await synced(p);
      let n = 0;
      const write = () => {
        const id = `n${n++}`;
        p.doc.transact(() => addItem(p.doc, noteItem(id, a.participantId, { text: `${id} `.padEnd(400, 'x') })));
      };

      // Fill the disk to the last byte.
      const { filler } = disk.fill();

      // SQLite still has room in its write-ahead log for a while; a phone writing fills it. Then the database
      // itself cannot store: /readyz says so (storage), while /healthz stays ok.
      const down = await waitFor(
        async () => {
          write();
          await waitFor(() => states.at(-1)?.saved === true || states.at(-1)?.notStored === true, { timeout: 10_000 });
          const r = await readyz(server!.url);
          return r.body.checks.storage !== 'ok' ? r : null;
        },
        { timeout: 60_000, interval: 1 },
      );
      expect(down.status).toBe(503);
      expect(down.body.checks.storage).toMatch(/full|SQLITE_FULL|ENOSPC/i);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      rmSync(filler);
      const up = await waitFor(
        async () => {
          const r = await readyz(server!.url);
          return r.status === 200 ? r : null;
        },
        { timeout: 20_000 },
      );
      expect(up.body.checks).toEqual({ storage: 'ok', dataDir: 'ok' });
      // And what the phone wrote while the disk was full is stored too.
      await waitFor(() => states.at(-1)?.saved === true, { timeout: 20_000 });
    } finally {
      phone?.destroy();
      await server?.close();
      server = null;
    }
  });
});
