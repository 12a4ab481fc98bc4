import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags';

const KEY = 'config-test-organiser-key-0123456789';

/** The real server process (`node --import tsx server/main.ts`) with these variables; resolves when it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'werkplaats-config-')),
      ORGANISER_KEY: KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    // A server that did start (the old code, which read PORT without checking some variables) is stopped here.
    child.stdout.on('data', () => {
      if (stdout.includes('Werkplaats is running on')) child.kill('SIGTERM');
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('configuration is checked at start', () => {
  it.each([
    ['PORT', { PORT: 'eighty' } as Record<string, string>],
    ['ORGANISER_KEY', { ORGANISER_KEY: 'short-key-of-23-chars-x' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/werkplaats' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'werkplaats.example.org' }],
    ['MIN_FREE_BYTES', { MIN_FREE_BYTES: 'lots' }],
  ])(
    'a wrong %s: the process prints one line naming it and exits non-zero',
    async (name, env) => {
      const r = await start(env);
      expect(r.code).not.toBe(0);
      expect(r.code).not.toBeNull();
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).not.toMatch(/at .*\.ts:\d+/);
      // A refused organiser key is never echoed.
      if (name === 'ORGANISER_KEY') expect(r.stderr).not.toContain(env.ORGANISER_KEY);
      expect(r.stdout).not.toContain('Werkplaats is running on');
    },
    30_000,
  );

  it('reads every variable into the configuration, empty ones as unset', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-config-'));
    const c = readConfig({
      PORT: '8081',
      HOST: '',
      DATA_DIR: dataDir,
      ORGANISER_KEY: KEY,
      PUBLIC_URL: 'https://werkplaats.example.org',
      DATABASE_URL: 'postgresql://w:p@db:5432/werkplaats',
      TRUST_PROXY: '172.18.0.0/16, 10.0.0.5,fd00::/8,loopback',
      MIN_FREE_BYTES: '1000',
    });
    expect(c).toMatchObject({
      port: 8081,
      host: undefined,
      dataDir,
      organiserKey: KEY,
      publicUrl: 'https://werkplaats.example.org',
      databaseUrl: 'postgresql://w:p@db:5432/werkplaats',
      trustProxy: ['172.18.0.0/16', '10.0.0.5', 'fd00::/8', 'loopback'],
      minFreeBytes: 1000,
    });
    expect(readConfig({ DATA_DIR: dataDir, ORGANISER_KEY: KEY })).toMatchObject({
      port: 3000,
      trustProxy: ['loopback'],
    });
  });

  it.each(['nginx', '10.0.0.256', '10.0.0.0/8/1', '', '::1/129'])('refuses TRUST_PROXY entry %j', (entry) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-config-'));
    expect(() => readConfig({ DATA_DIR: dataDir, ORGANISER_KEY: KEY, TRUST_PROXY: `127.0.0.1,${entry}` })).toThrow(
      ConfigError,
    );
  });
});
