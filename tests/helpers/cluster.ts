import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startPostgres, type TestPostgres } from './postgres';

/** One app instance as its own process, so a test can kill it like a crash (SIGKILL). */
export interface Instance {
  url: string;
  port: number;
  process: ChildProcess;
  kill(): Promise<void>;
  loadedDocs(): Promise<number>;
  /** What the instance printed so far (stdout and stderr). */
  output(): string;
}

/** `port`: start again on the port of an instance that died (nginx keeps routing to it). */
export async function startInstance(
  env: Record<string, string>,
  port?: number,
  /** How to run the server: TypeScript through tsx (as `npm start`), or the compiled `dist/server/main.js`. */
  entry: 'tsx' | 'compiled' = 'tsx',
): Promise<Instance> {
  port ??= await freePort();
  const args = entry === 'tsx' ? ['--import', 'tsx', 'server/main.ts'] : ['dist/server/main.js'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'werkplaats-inst-')),
      CLIENT_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited: ${out}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 30_000) throw new Error(`instance did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    process: child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    output: () => out,
    loadedDocs: async () => {
      const r = await fetch(`${url}/healthz/docs`).catch(() => null);
      return r?.ok ? ((await r.json()) as { loadedDocs: number }).loadedDocs : -1;
    },
  };
}

/**
 * nginx from Debian in front of the instances, with the same routing files as docker-compose (deploy/nginx/), so the
 * test exercises the real consistent-hash routing and websocket upgrades.
 */
export async function startNginx(
  upstreamPorts: number[],
  /** How long nginx leaves a failed instance alone (the deployment's 30 s; fault tests restart instances sooner). */
  failTimeout = '30s',
  opts: {
    /**
     * The address nginx connects to the instances from (`proxy_bind`): a non-loopback one makes nginx look like the
     * container it is in docker-compose, so only TRUST_PROXY lets the app see the clients' own addresses.
     */
    proxyBind?: string;
  } = {},
): Promise<Router> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  // No skipping: without nginx the test fails, and .ci/run installs it.
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx-light); .ci/run installs it');
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-nginx-'));
  chmodSync(dir, 0o755);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, t), { mode: 0o777 });
  const port = await freePort();
  const deploy = path.resolve('deploy/nginx');
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${deploy}/routing.conf;
  upstream werkplaats {
    hash $werkplaats_workshop consistent;
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=${failTimeout};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      include ${deploy}/proxy.conf;${opts.proxyBind ? `\n      proxy_bind ${opts.proxyBind};` : ''}
    }
  }
}
`;
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  execFileSync(nginx, ['-t', '-c', file, '-p', dir], { stdio: 'pipe' });
  const child = spawn(nginx, ['-c', file, '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('nginx exited');
    // Any answer (even 502) means nginx listens.
    if (
      await fetch(`${url}/healthz`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 10_000) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}

export interface Router {
  url: string;
  stop(): Promise<void>;
}

/** An IPv4 address of this machine that is not loopback (nginx's `proxy_bind` in the proxy tests). */
export function nonLoopbackAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  // No skipping: the proxy tests need an address other than 127.0.0.0/8 (any network interface has one).
  throw new Error('this machine has no non-loopback IPv4 address for nginx to connect from');
}

export interface Cluster {
  postgres: TestPostgres;
  databaseUrl: string;
  instances: Instance[];
  router: Router;
  /** The variables every instance was started with (to start one again: `startInstance(cluster.env, port)`). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL, `count` app processes on one database and nginx in front of them with the deployment's routing
 * (the scale-out, tombstone and proxy tests). Instances start one after the other (each migrates the schema).
 */
export async function startCluster(opts: {
  organiserKey: string;
  count?: number;
  env?: Record<string, string>;
  failTimeout?: string;
  proxyBind?: string;
  entry?: 'tsx' | 'compiled';
}): Promise<Cluster> {
  const postgres = await startPostgres();
  const instances: Instance[] = [];
  let router: Router | undefined;
  const stop = async () => {
    await router?.stop();
    for (const i of instances) await i.kill();
    await postgres.stop();
  };
  try {
    const databaseUrl = await postgres.createDatabase();
    const env = { DATABASE_URL: databaseUrl, ORGANISER_KEY: opts.organiserKey, ...opts.env };
    for (let n = 0; n < (opts.count ?? 2); n++) instances.push(await startInstance(env, undefined, opts.entry));
    router = await startNginx(
      instances.map((i) => i.port),
      opts.failTimeout,
      { proxyBind: opts.proxyBind },
    );
    return { postgres, databaseUrl, instances, router, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
