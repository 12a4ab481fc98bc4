import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer';

/** Raw GET (fetch would decompress on its own and hide the encoding). */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the built client is served gzipped', () => {
  let server: TestServer;
  const assets = path.resolve('dist/client/assets');
  // The shell, the biggest script: the client is split into chunks, and a chunk of a few hundred bytes never halves.
  const js = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => statSync(path.join(assets, b)).size - statSync(path.join(assets, a)).size)[0]!;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('sends scripts gzipped to browsers that accept it, and plain to those that do not', async () => {
    const original = readFileSync(path.join(assets, js));
    const gz = await get(`${server.url}/assets/${js}`, { 'accept-encoding': 'gzip, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers['content-type'])).toMatch(/javascript/);
    expect(gz.body.length).toBeLessThan(original.length / 2);
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await get(`${server.url}/assets/${js}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('never serves files outside the client folder', async () => {
    const r = await get(`${server.url}/assets/..%2F..%2F..%2Fpackage.json`, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).not.toContain('"werkplaats"');
  });
});
