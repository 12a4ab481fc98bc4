import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A free TCP port on 127.0.0.1 (for services that cannot take port 0 and report back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => existsSync(path.join(d, 'initdb')));
  // No skipping: without PostgreSQL the test fails, and .ci/run installs it.
  if (!dir) throw new Error('PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it');
  return dir;
}

export interface TestPostgres {
  /** Creates a fresh, empty database and returns its connection string. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server in a temporary folder on a free port, started directly (no Docker). PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` user the Debian package creates.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = pgBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-pg-'));
  let user: { uid: number; gid: number } | Record<string, never> = {};
  if (process.getuid?.() === 0) {
    user = {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    };
    chownSync(dir, user.uid, user.gid);
  }
  const data = path.join(dir, 'data');
  execFileSync(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'werkplaats', '--no-sync', '-E', 'UTF8'], {
    stdio: 'pipe',
    cwd: dir,
    ...user,
  });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
  // Tests need no crash safety from the database itself; this keeps them quick.
  args.push('-c', 'fsync=off', '-c', 'max_connections=200');
  const child: ChildProcess = spawn(path.join(bin, 'postgres'), args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: dir,
    ...user,
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const base = `postgresql://werkplaats@127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${log}`);
    const c = new pg.Client({ connectionString: `${base}/postgres` });
    try {
      await c.connect();
      await c.end();
      break;
    } catch {
      if (Date.now() - started > 20_000) throw new Error(`postgres did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  let n = 0;
  return {
    async createDatabase() {
      const name = `t${process.pid}_${++n}`;
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return `${base}/${name}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGINT: PostgreSQL's fast shutdown.
        child.kill('SIGINT');
      }),
  };
}
