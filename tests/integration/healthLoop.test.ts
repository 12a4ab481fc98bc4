import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

interface LoopWindow {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  sinceMs: number;
}

/**
 * `GET /healthz/loop` (docs/API.md): numbers only, readable by anyone; only this machine may start a new window, so
 * nobody else can hide a delay from the benchmark or an operator (docs/SECURITY.md, Hardening).
 */
describe('/healthz/loop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const read = async (reset: boolean, from?: string): Promise<LoopWindow> => {
    const res = await fetch(`${server.url}/healthz/loop${reset ? '?reset=1' : ''}`, {
      // Behind the proxy (trust proxy: loopback) the forwarded address is the client's.
      headers: from ? { 'x-forwarded-for': from } : {},
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as LoopWindow;
  };

  it('gives numbers only, and resets its window only for this machine', async () => {
    const first = await read(false, '203.0.113.7');
    expect(Object.keys(first).sort()).toEqual(['maxMs', 'meanMs', 'p99Ms', 'sinceMs']);
    for (const v of Object.values(first)) expect(typeof v).toBe('number');

    await read(true);
    const grown = await waitFor(async () => {
      const w = await read(false);
      return w.sinceMs >= 100 ? w : null;
    });
    // From elsewhere, ?reset=1 answers but starts no new window.
    await read(true, '203.0.113.7');
    await read(true, '2001:db8::1');
    expect((await read(false)).sinceMs).toBeGreaterThanOrEqual(grown.sinceMs);
    // From this machine it does: the answer is the window it closes, the next read a fresh one.
    const closed = await read(true);
    expect(closed.sinceMs).toBeGreaterThanOrEqual(grown.sinceMs);
    expect((await read(false)).sinceMs).toBeLessThan(closed.sinceMs);
  });
});
