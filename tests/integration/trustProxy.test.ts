import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import type { JoinResponse } from '../../shared/protocol';
import { api, createWorkshop } from '../helpers/clients';
import { nonLoopbackAddress, startInstance, startNginx, type Instance, type Router } from '../helpers/cluster';

const ORGANISER_KEY = 'trust-proxy-organiser-key-0123456789';

/** One HTTP request from a given source address (each phone behind the proxy has its own). */
function from(
  localAddress: string,
  url: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: opts.method ?? 'GET', localAddress, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Mistyped join codes until the limiter answers 429; returns how many were answered 404 first. */
async function mistype(localAddress: string, url: string, headers: Record<string, string> = {}): Promise<number> {
  for (let n = 0; n <= LIMITS.joinFailuresPerMinute + 1; n++) {
    const r = await from(localAddress, url, '/api/join/ZZZZZZ', { headers });
    if (r.status === 429) return n;
    expect(r.status).toBe(404);
  }
  return Infinity;
}

/**
 * Behind nginx on another address than the app's (as in docker-compose, where nginx is another container): the
 * join limiter counts each phone by its own address when TRUST_PROXY names nginx, and the whole installation as one
 * address when it does not. nginx connects from this machine's non-loopback address (`proxy_bind`); the phones
 * connect to nginx from 127.0.0.5 and 127.0.0.6.
 */
describe('TRUST_PROXY: phones behind nginx are counted apart by the join limiter', () => {
  const proxyAddress = nonLoopbackAddress();
  let trusted: Instance;
  let untrusted: Instance;
  let trustedRouter: Router;
  let untrustedRouter: Router;

  beforeAll(async () => {
    [trusted, untrusted] = await Promise.all([
      startInstance({ ORGANISER_KEY, TRUST_PROXY: `${proxyAddress}/32` }),
      startInstance({ ORGANISER_KEY }),
    ]);
    [trustedRouter, untrustedRouter] = await Promise.all([
      startNginx([trusted.port], '30s', { proxyBind: proxyAddress }),
      startNginx([untrusted.port], '30s', { proxyBind: proxyAddress }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([trustedRouter?.stop(), untrustedRouter?.stop()]);
    await Promise.all([trusted?.kill(), untrusted?.kill()]);
  });

  it('with TRUST_PROXY naming nginx: one phone locked out by mistyped codes leaves the other free', async () => {
    const url = trustedRouter.url;
    const w = await createWorkshop(trusted.url, ORGANISER_KEY, ['Utrecht']);
    // Phone A mistypes until it is refused; a forged X-Forwarded-For does not get it out (nginx appends A's address).
    expect(await mistype('127.0.0.5', url)).toBe(LIMITS.joinFailuresPerMinute);
    expect(
      (await from('127.0.0.5', url, '/api/join/ZZZZZZ', { headers: { 'x-forwarded-for': '198.51.100.9' } })).status,
    ).toBe(429);
    // Phone B, behind the same nginx, is not: its mistake is a 404 and it joins.
    expect((await from('127.0.0.6', url, '/api/join/ZZZZZZ')).status).toBe(404);
    const body = Buffer.from(
      JSON.stringify({ code: w.joinCode, name: 'Bram', groupId: w.groups[0]!.id, side: 'formal', consent: true }),
    );
    const joined = await from('127.0.0.6', url, `/api/join?w=${w.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(joined.status, joined.body).toBe(201);
  });

  it('without TRUST_PROXY (the old behaviour) every phone looks like nginx: one phone locks out the other', async () => {
    const url = untrustedRouter.url;
    expect(await mistype('127.0.0.5', url)).toBe(LIMITS.joinFailuresPerMinute);
    expect((await from('127.0.0.6', url, '/api/join/ZZZZZZ')).status).toBe(429);
  });

  it('takes a 9 MB photo through nginx (its body limit follows the app’s upload limit)', async () => {
    const url = trustedRouter.url;
    const w = await createWorkshop(trusted.url, ORGANISER_KEY, ['Utrecht']);
    const a = await api<JoinResponse>(url, `/api/join?w=${w.id}`, {
      body: { code: w.joinCode, name: 'Anna', groupId: w.groups[0]!.id, side: 'formal', consent: true },
    });
    expect(a.status).toBe(201);
    // A JPEG: start of image, JFIF header, start of scan, 9 MB of "compressed data", end of image.
    const jfif = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const photo = Buffer.concat([
      Buffer.from([0xff, 0xd8, ...jfif, 0xff, 0xda]),
      randomBytes(9_000_000),
      Buffer.from([0xff, 0xd9]),
    ]);
    const up = await fetch(`${url}/api/workshops/${w.id}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.body.token}`, 'content-type': 'image/jpeg' },
      body: photo,
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const { uploadId } = (await up.json()) as { uploadId: string };
    const back = await fetch(`${url}/api/workshops/${w.id}/uploads/${uploadId}`, {
      headers: { authorization: `Bearer ${a.body.token}` },
    });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(photo)).toBe(true);
  }, 30_000);

  it('deploy/nginx allows exactly the app’s upload limit', () => {
    const conf = readFileSync('deploy/nginx/proxy.conf', 'utf8');
    const m = /client_max_body_size\s+(\d+)m;/.exec(conf);
    expect(Number(m?.[1]) * 1024 * 1024).toBe(LIMITS.uploadBytes);
    expect(readFileSync('deploy/nginx/nginx.conf', 'utf8')).not.toMatch(/client_max_body_size/);
  });

  it('docker-compose: the scaled instances trust exactly the nginx service’s fixed address', () => {
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const nginx = /ipv4_address:\s*(\S+)/.exec(compose)?.[1];
    expect(nginx).toBeTruthy();
    expect(/TRUST_PROXY:\s*(\d\S*)/.exec(compose)?.[1]).toBe(nginx);
  });
});
