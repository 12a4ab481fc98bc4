import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags';

export interface ServerProcess {
  url: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a server script (compiled JavaScript, or TypeScript through tsx) as its own node process (so its CPU and
 * memory are its own) and waits for its URL.
 */
export function startServerProcess(
  script: string,
  env: Record<string, string> = {},
  urlPattern = /(http:\/\/[\w.]+:\d+)/,
): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'werkplaats-bench-'));
  // BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles a server under the benchmark's load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Both servers get the flags ours is deployed with (server/nodeFlags.ts): the same runtime, so the ratio compares code.
  // A compiled script runs as it is deployed, without a TypeScript loader.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, ...loader, script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent', ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = urlPattern.exec(out);
      if (!m) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      child.removeAllListeners('exit');
      resolve({
        url: m[1]!.replace('localhost', '127.0.0.1'),
        pid: child.pid!,
        dataDir,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
