import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags';
import { addressKey } from '../../server/http/rateLimit';
import { api, createWorkshop } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/** Issue 13 point 7: join throttling per /64 for IPv6, and an organiser key that is long and rate-limited. */
describe('access: join throttling per network, organiser key length and limit', () => {
  let server: TestServer | undefined;
  let w: CreateWorkshopResponse;
  const start = async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  // As behind a reverse proxy on loopback: the client's address is the forwarded one ('trust proxy' loopback).
  const from = (url: string, addr: string, p: string, init: RequestInit = {}) =>
    fetch(url + p, { ...init, headers: { ...(init.headers ?? {}), 'x-forwarded-for': addr } }).then((r) => r.status);

  it('counts failed join codes per /64: rotating IPv6 addresses inside one network gets no more guesses', async () => {
    const s = await start();
    // Each guess from a fresh address in 2001:db8:1:2::/64, as a phone with privacy addresses could send them.
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push(
        await from(s.url, `2001:db8:1:2:${(i + 1).toString(16)}:abcd:0:${i.toString(16)}`, '/api/join/AAAAAA'),
      );
    }
    expect(statuses.filter((x) => x === 404)).toHaveLength(LIMITS.joinFailuresPerMinute);
    expect(statuses.slice(LIMITS.joinFailuresPerMinute).every((x) => x === 429)).toBe(true);
    // The right code from that network waits too; another /64 of the same provider does not.
    expect(await from(s.url, '2001:db8:1:2::99', `/api/join/${w.joinCode}`)).toBe(429);
    expect(await from(s.url, '2001:db8:1:3::1', `/api/join/${w.joinCode}`)).toBe(200);
  });

  it('counts an IPv4 client the same whether it arrives as IPv4 or IPv4-mapped IPv6', async () => {
    const s = await start();
    for (let i = 0; i < LIMITS.joinFailuresPerMinute; i++) {
      const addr = i % 2 ? '203.0.113.9' : '::ffff:203.0.113.9';
      expect(await from(s.url, addr, '/api/join/AAAAAA')).toBe(404);
    }
    expect(await from(s.url, '203.0.113.9', `/api/join/${w.joinCode}`)).toBe(429);
    expect(await from(s.url, '::ffff:203.0.113.9', `/api/join/${w.joinCode}`)).toBe(429);
    // Its neighbour has an allowance of its own (IPv4 is counted per address).
    expect(await from(s.url, '203.0.113.10', `/api/join/${w.joinCode}`)).toBe(200);
  });

  it('rate-limits wrong organiser keys per address (then even the right key waits), not other networks', async () => {
    const s = await start();
    const body = JSON.stringify({ title: 'Gok', groups: ['a'] });
    const post = (addr: string, key?: string) =>
      from(s.url, addr, '/api/workshops', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      });
    const guesses: number[] = [];
    for (let i = 0; i < 15; i++) guesses.push(await post(`2001:db8:7:7::${i + 1}`, `guess-${i}-xxxxxxxxxxxxxxxxxxxx`));
    expect(guesses.slice(0, LIMITS.organiserKeyFailuresPerMinute).every((x) => x === 403)).toBe(true);
    expect(guesses.slice(LIMITS.organiserKeyFailuresPerMinute).every((x) => x === 429)).toBe(true);
    expect(await post('2001:db8:7:7::ff', s.organiserKey)).toBe(429);
    // Another network, and the organiser on this machine, still create workshops.
    expect(await post('198.51.100.20', s.organiserKey)).toBe(201);
    expect(
      (await api(s.url, '/api/workshops', { token: s.organiserKey, body: { title: 'x', groups: ['a'] } })).status,
    ).toBe(201);
  });

  it('refuses to start with an organiser key shorter than 24 characters, saying why', async () => {
    const short = 'kort-maar-geheim'; // 16 characters
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'werkplaats-key-')),
        ORGANISER_KEY: short,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // Polls the output: a server that does start is stopped again at once, so the test never leaves it running.
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    await new Promise<void>((resolve) => {
      const check = () => {
        if (out.includes('Werkplaats is running')) {
          child.kill('SIGKILL');
          resolve();
        }
      };
      child.stdout.on('data', check);
      void exited.then(() => resolve());
    });
    const code = await exited;
    expect(code).not.toBe(0);
    expect(out).toContain('ORGANISER_KEY is 16 characters; it must be at least 24');
    expect(out).not.toContain('Werkplaats is running');
    expect(out).not.toContain(short);
  });

  it('groups addresses: IPv6 by /64, IPv4-mapped as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('::ffff:c000:201')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
