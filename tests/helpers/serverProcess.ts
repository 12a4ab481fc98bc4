import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags';

/** A free port: bind to 0, read it, let it go (the server process binds it again, so clients can reconnect). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** The real server as its own process (`node --import tsx server/main.ts`), as `npm start` runs it: killable with real signals. */
export async function spawnServer(opts: {
  dataDir: string;
  port: number;
  organiserKey?: string;
  /** More environment (LOG_LEVEL, METRICS_TOKEN…); `ORGANISER_KEY: ''` lets the server generate and keep a key. */
  env?: NodeJS.ProcessEnv;
  /** `compiled`: `node dist/server/main.js` (`npm run build:server`), as the container runs it, without tsx. */
  entry?: 'tsx' | 'compiled';
  /** The folder it runs in (the project by default). */
  cwd?: string;
}): Promise<ServerProcess> {
  // One process (node with tsx's loader), not the tsx CLI, which would leave its child running after a SIGKILL.
  const entry = opts.entry === 'compiled' ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...entry], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      ORGANISER_KEY: opts.organiserKey ?? 'test-organiser-key-of-24-characters',
      CLIENT_DIR: path.resolve('dist/client'),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: opts.cwd,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes('Werkplaats is running on')) resolve();
    };
    child.stdout?.on('data', onData);
    void exited.then((c) => reject(new Error(`server exited (${c}) before listening:\n${out}`)));
  });
  return { url: `http://127.0.0.1:${opts.port}`, child, output: () => out, exited };
}
