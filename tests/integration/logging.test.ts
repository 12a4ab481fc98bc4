import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { freePort, spawnServer, type ServerProcess } from '../helpers/serverProcess';

const run = promisify(execFile);

/** Every line the server wrote, as JSON: a line that is not JSON fails the test. */
function logLines(out: string): Array<Record<string, unknown>> {
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${l}`);
      }
    });
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * The real server as its own process, as `npm start` runs it (stdout a pipe, as in a container): JSON lines with time,
 * level, request id and workshop id; the organiser key only on the start that generated it, and on request.
 */
describe('structured logs and the organiser key', { timeout: 90_000 }, () => {
  let server: ServerProcess | null = null;
  afterEach(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    server = null;
  });

  const stop = async (s: ServerProcess) => {
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  };

  it('prints the generated organiser key once, never on a normal restart; logs JSON lines with ids', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-logs-'));
    const port = await freePort();
    const env = { ORGANISER_KEY: '', LOG_LEVEL: 'debug' };

    // First start: the key is generated, kept in DATA_DIR, and printed once for the operator.
    server = await spawnServer({ dataDir, port, env });
    const key = readFileSync(path.join(dataDir, 'organiser-key'), 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(24);
    await waitFor(() => server!.output().includes(key));
    expect(occurrences(server.output(), key)).toBe(1);

    // A workshop, a phone writing, and a request carrying the proxy's request id.
    const w = await createWorkshop(server.url, key);
    const a = await joinAs(server.url, w, 'Aïcha');
    const res = await fetch(`${server.url}/api/workshops/${w.id}/uploads/none`, {
      headers: { authorization: `Bearer ${a.token}`, 'x-request-id': 'proxy-request-0001' },
    });
    expect(res.headers.get('x-request-id')).toBe('proxy-request-0001');
    const generated = (await fetch(`${server.url}/api/join/none`)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const phone = yClient(server.url, w.id, 'board', a.token);
    await synced(phone);
    phone.destroy();

    const lines = await waitFor(() => {
      const all = logLines(server!.output());
      return all.some((l) => l.reqId === 'proxy-request-0001') ? all : null;
    });
    for (const l of lines) {
      expect(typeof l.time === 'string' && !Number.isNaN(Date.parse(l.time)), JSON.stringify(l)).toBe(true);
      expect(['debug', 'info', 'warn', 'error', 'fatal']).toContain(l.level);
      expect(typeof l.msg).toBe('string');
    }
    const request = lines.find((l) => l.reqId === 'proxy-request-0001')!;
    expect(request).toMatchObject({ level: 'debug', workshopId: w.id, method: 'GET', status: 404 });
    expect(lines.find((l) => l.msg === 'workshop created')).toMatchObject({ level: 'info', workshopId: w.id });
    expect(lines.find((l) => l.reqId === generated)).toBeDefined();
    // Tokens travel in headers, which are never logged.
    expect(server.output()).not.toContain(a.token);
    expect(occurrences(server.output(), key)).toBe(1);
    await stop(server);

    // A normal restart: running, and not a trace of the key, even while it is used.
    server = await spawnServer({ dataDir, port, env });
    await createWorkshop(server.url, key);
    await waitFor(() => logLines(server!.output()).some((l) => l.msg === 'workshop created'));
    expect(server.output()).toContain('Werkplaats is running');
    expect(server.output()).not.toContain(key);
    await stop(server);
    expect(server.output()).not.toContain(key);

    // On request, the operator gets the link again.
    const { stdout } = await run('npm', ['run', '--silent', 'organiser-key'], {
      env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'https://werkplaats.example.org' },
    });
    expect(stdout.trim()).toBe(`Organiser link (create a workshop): https://werkplaats.example.org/#key=${key}`);
  });

  it('never prints an organiser key the operator set (ORGANISER_KEY)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-logs-env-'));
    const key = 'operator-chosen-organiser-key-0123';
    server = await spawnServer({ dataDir, port: await freePort(), organiserKey: key });
    await createWorkshop(server.url, key);
    await stop(server);
    expect(server.output()).toContain('Werkplaats is running');
    expect(server.output()).not.toContain(key);
  });
});
