import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { JoinResponse } from '../../shared/protocol';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { freePort, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { noteItem } from '../helpers/items';

const KEY = 'test-organiser-key-of-24-characters';
const keys = (c: YClient) => new Set(itemsMap(c.doc).keys());

/**
 * The server as the container runs it: compiled to JavaScript (`npm run build:server`) and started with plain `node
 * dist/server/main.js` (no TypeScript loader), on whichever Node runs the tests (20, and 24 in .ci/run).
 */
describe('the compiled server', { timeout: 60_000 }, () => {
  const open: YClient[] = [];
  const procs: ServerProcess[] = [];

  // What `npm prune --omit=dev` leaves in the image: the compiled server and only the production dependencies (tsx,
  // vite and the rest of the devDependencies are not there to be imported).
  let app: string;
  beforeAll(() => {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.server.config.ts'], {
      stdio: 'pipe',
    });
    app = mkdtempSync(path.join(tmpdir(), 'werkplaats-app-'));
    cpSync('dist/server', path.join(app, 'dist/server'), { recursive: true });
    cpSync('package.json', path.join(app, 'package.json'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies)) {
      mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(path.resolve('node_modules', name), path.join(app, 'node_modules', name));
    }
  }, 60_000);

  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    for (const p of procs.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  });

  const start = async (dataDir: string, port: number) => {
    const s = await spawnServer({ dataDir, port, entry: 'compiled', cwd: app });
    procs.push(s);
    return s;
  };
  const client = (url: string, workshopId: string, token: string) => {
    const c = yClient(url, workshopId, 'board', token);
    open.push(c);
    return c;
  };

  it('runs with plain node: phones join and sync, exports are built in its worker thread', async () => {
    const server = await start(mkdtempSync(path.join(tmpdir(), 'werkplaats-compiled-')), await freePort());
    expect(server.child.spawnargs.join(' ')).not.toMatch(/tsx|\.ts\b/);
    const w = await createWorkshop(server.url, KEY);
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = client(server.url, w.id, a.token);
    const screen = client(server.url, w.id, w.tokens.screen);
    await Promise.all([phone, screen].map(synced));
    phone.doc.transact(() => addItem(phone.doc, noteItem('n1', a.participantId)));
    await waitFor(() => itemsMap(screen.doc).has('n1'));
    const exported = await fetch(`${server.url}/api/workshops/${w.id}/export?format=json`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(exported.status, server.output()).toBe(200);
    expect(await exported.text()).toContain('notitie n1');
  });

  it('SIGTERM while a phone writes: exits 0, and after a restart every acknowledged update is there', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-compiled-'));
    const port = await freePort();
    let server = await start(dataDir, port);
    const w = await createWorkshop(server.url, KEY);
    const a: JoinResponse = await joinAs(server.url, w, 'Aïcha');
    const phone = client(server.url, w.id, a.token);
    // The screen sees an update only after the server stored it (durability.test.ts): what it saw is acknowledged.
    const screen = client(server.url, w.id, w.tokens.screen);
    await Promise.all([phone, screen].map(synced));
    let n = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        phone.doc.transact(() => addItem(phone.doc, noteItem(`n${n++}`, a.participantId)));
        // Pacing the load generator (a quick typist), not waiting for a result.
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await waitFor(() => itemsMap(screen.doc).size >= 20, { timeout: 10_000 });
    server.child.kill('SIGTERM');
    const acknowledged = keys(screen);
    expect(await server.exited).toBe(0);
    procs.splice(0);
    writing = false;
    await writer;

    server = await start(dataDir, port);
    const fresh = client(server.url, w.id, w.tokens.researcher);
    await synced(fresh);
    const stored = keys(fresh);
    for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
    // And the phone sends what the server did not get before it stopped.
    await waitFor(() => keys(fresh).size === keys(phone).size, { timeout: 15_000 });
  });
});
