import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHRT } from '../server/export/chrt';
import { createWorkshop } from '../tests/sim/simulator';
import type { BenchWorkshop, LoadStart, PhonesReport, ScreensReport, WorkerPlan } from './plan';
import { percentile, readProc, sampleRss } from './procStats';
import { startServerProcess } from './serverProcess';
import { largeWorkshop } from './storageBench';
import type { DownloadPlan } from './exportDownloader';

export interface Scenario {
  name: string;
  workshops: number;
  phones: number;
  warmupMs: number;
  steadyMs: number;
  writeEveryMs: number;
  burst: boolean;
  processes: number;
  /**
   * Our server also holds a workshop of this many notes (40 participants), exported (JSON) one after the other for
   * the whole steady phase: the phones' latency with a large export running. Ours only.
   */
  exportNotes?: number;
  /**
   * A loop that only spins, at the lowest priority Linux has (SCHED_IDLE through util-linux's chrt; nice 19 without
   * it), for the steady phase: the control for `exportNotes`. Whatever it raises the phones' p95 by is what any
   * process using a core beside the room's devices costs on this machine, not something an export could avoid.
   */
  spinIdle?: boolean;
  /**
   * False: the phones receive every relayed update without applying it (`WorkerPlan.phonesApply`). Real phones apply
   * them on CPUs of their own; on the bench's two cores, 1,000 phone documents applying every update starve the
   * server and the screens (the plenary: ~40 writes/s × 1,000 documents). Default true.
   */
  phonesApply?: boolean;
}

/** `reference-durable`: the reference relay with an fsync'd append log before each relay (`--server=` only). */
export type BenchServer = 'ours' | 'reference' | 'reference-durable';

export interface ScenarioResult {
  scenario: string;
  server: BenchServer;
  connections: number;
  phones: number;
  writes: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  burstP50Ms: number;
  burstP95Ms: number;
  burstP99Ms: number;
  joinP50Ms: number;
  joinP95Ms: number;
  cpuPercent: number;
  rssMb: number;
  bytesPerUpdate: number;
  storageBytesPerWrite: number;
  lost: number;
  errors: number;
  /** Worst p99 event-loop delay of the phone processes: high means writes left late (the load generator is busy). */
  loadLagP99Ms: number;
  /** The screens process's p99 event-loop delay: high means latencies include the measuring client's own delay. */
  screenLagP99Ms: number;
  /** The server's maximum event-loop delay in the steady phase (`/healthz/loop`), and over steady load and burst. */
  serverLagMaxMs: number;
  serverLagP99Ms: number;
  serverLagMaxWithBurstMs: number;
  /** Exports finished in the steady phase and their median time (scenarios with `exportNotes`). */
  exports?: number;
  exportMedianMs?: number;
}

interface LoopWindow {
  maxMs: number;
  p99Ms: number;
}
const readLoop = async (url: string, reset: boolean): Promise<LoopWindow> => {
  const res = await fetch(`${url}/healthz/loop${reset ? '?reset=1' : ''}`);
  return (await res.json()) as LoopWindow;
};

const ORGANISER_KEY = 'bench-organiser-key-0123456789';
const PHONE_NICE = Number(process.env.BENCH_NICE ?? 10);
const dirSize = (dir: string): number => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const round = (n: number) => Math.round(n * 10) / 10;

/** Our server as deployed (the Dockerfile's `node dist/server/main.js`), and the reference compiled alike. */
const OURS = 'dist/server/main.js';
const REFERENCE = 'bench/.build/referenceServer.js';

/**
 * Compiles both servers to plain JavaScript with the same toolchain (vite.server.config.ts and
 * bench/vite.reference.config.ts), so the bench runs what is deployed and neither server carries a TypeScript
 * loader's transform (tsx keeps every function's name by wrapping each one a handler creates).
 */
export function buildServers(): void {
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  for (const config of ['vite.server.config.ts', 'bench/vite.reference.config.ts']) {
    const r = spawnSync(process.execPath, [vite, 'build', '--config', config], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`building with ${config} failed (${r.status ?? r.signal})`);
  }
}

/** Runs one scenario against our server or the reference relay, and measures it. */
export async function runScenario(s: Scenario, server: BenchServer): Promise<ScenarioResult> {
  const big = s.exportNotes ? await largeWorkshop(s.exportNotes) : null;
  const proc =
    server === 'ours'
      ? await startServerProcess(OURS, { ORGANISER_KEY, ...(big ? { DATA_DIR: big.dir } : {}) })
      : await startServerProcess(REFERENCE, server === 'reference-durable' ? { DURABLE: '1' } : {});
  const rss = sampleRss(proc.pid);
  try {
    const workshops: BenchWorkshop[] = [];
    for (let i = 0; i < s.workshops; i++) {
      const groups = Array.from({ length: 6 }, (_, g) => `Coöperatie ${g + 1}`);
      if (server === 'ours') workshops.push(await createWorkshop(proc.url, ORGANISER_KEY, `Bench ${i + 1}`, groups));
      else
        workshops.push({
          id: `w${i}`,
          joinCode: '',
          groups: groups.map((name, g) => ({ id: `g${g}`, name })),
          tokens: { facilitator: '', screen: '', researcher: '' },
        });
    }
    // Whole workshops per process when there are enough; otherwise a workshop's phones are split (a screen each).
    const slices: WorkerPlan['workshops'][] = Array.from({ length: s.processes }, () => []);
    if (s.workshops >= s.processes)
      workshops.forEach((w, i) => slices[i % s.processes]!.push({ w, from: 0, to: s.phones }));
    else
      for (const w of workshops)
        for (let k = 0; k < s.processes; k++)
          slices[k]!.push({
            w,
            from: Math.floor((k * s.phones) / s.processes),
            to: Math.floor(((k + 1) * s.phones) / s.processes),
          });

    const startProcess = <R>(role: WorkerPlan['role'], workshopsOfProc: WorkerPlan['workshops']) => {
      const child = forkDevices('bench/loadWorker.ts', role === 'phones');
      const plan: WorkerPlan = {
        mode: server === 'ours' ? 'ours' : 'reference',
        role,
        url: proc.url,
        workshops: workshopsOfProc,
        sessionId: 'opening',
        warmupMs: s.warmupMs,
        steadyMs: s.steadyMs,
        writeEveryMs: s.writeEveryMs,
        phonesApply: s.phonesApply ?? true,
      };
      const joined = new Promise<void>((resolve) => child.once('message', () => resolve()));
      const report = new Promise<R>((resolve, reject) => {
        child.on('message', (m: { type: string; report?: R }) => {
          if (m.type === 'report') resolve(m.report!);
        });
        child.once('exit', (code) => (code ? reject(new Error(`load process exited with ${code}`)) : undefined));
      });
      child.send(plan);
      return { child, joined, report };
    };
    // The screens first (they must see every write), in a process of their own; then the phones.
    const screens = startProcess<ScreensReport>(
      'screens',
      workshops.map((w) => ({ w, from: 0, to: 0 })),
    );
    await screens.joined;
    const children = slices.map((workshopsOfProc) => startProcess<PhonesReport>('phones', workshopsOfProc));
    await Promise.all(children.map((c) => c.joined));
    const start: LoadStart = { startAt: Date.now() + 500, burstAt: 0 };
    const { startAt } = start;
    if (s.burst) start.burstAt = startAt + s.steadyMs + 3000;
    for (const c of [screens, ...children]) c.child.send(start);
    const storageBefore = dirSize(proc.dataDir);
    await new Promise((r) => setTimeout(r, startAt + s.warmupMs - Date.now()));
    const cpu0 = readProc(proc.pid).cpuMs;
    const t0 = Date.now();
    await readLoop(proc.url, true);
    const steadyEnd = startAt + s.steadyMs;
    // Exports of the large workshop back to back while the phones write (the facilitator's token may export), asked
    // for by the researcher's laptop: a process of its own at the phones' priority (bench/exportDownloader.ts).
    const exporting: Promise<number[]> = big
      ? downloadElsewhere({
          url: `${proc.url}/api/workshops/${big.w.id}/export?format=json`,
          token: big.w.tokens.facilitator,
          until: steadyEnd - 1000,
        })
      : Promise.resolve([]);
    const spinning = s.spinIdle ? spinAtIdle(steadyEnd - 1000) : Promise.resolve();
    await new Promise((r) => setTimeout(r, steadyEnd - Date.now()));
    const exportMs = await exporting;
    await spinning;
    const cpuPercent = ((readProc(proc.pid).cpuMs - cpu0) / (Date.now() - t0)) * 100;
    const steadyLoop = await readLoop(proc.url, false);
    const reports = await Promise.all(children.map((c) => c.report));
    const withBurstLoop = await readLoop(proc.url, false);
    const steadyTexts = reports.flatMap((r) => r.steady);
    const burstTexts = reports.flatMap((r) => r.burst);
    screens.child.send({ type: 'expect', texts: [...steadyTexts, ...burstTexts] });
    const seen = await screens.report;
    // Every load process gone before the next scenario (or the storage part) starts on the same cores.
    const exited = [screens, ...children].map(
      (c) =>
        new Promise<void>((resolve) => (c.child.exitCode !== null ? resolve() : c.child.once('exit', () => resolve()))),
    );
    for (const c of children) c.child.send({ type: 'close' });
    await Promise.all(exited);
    const storageAfter = dirSize(proc.dataDir);

    const latenciesOf = (texts: string[]) =>
      texts.flatMap((t) => (t in seen.seen ? [seen.seen[t]!] : [])).sort((a, b) => a - b);
    const all = latenciesOf(steadyTexts);
    const burst = latenciesOf(burstTexts);
    const joins = reports.flatMap((r) => r.joinMs).sort((a, b) => a - b);
    const phones = reports.reduce((n, r) => n + r.phones, 0);
    const writes = steadyTexts.length + burstTexts.length;
    // A screen per workshop, a researcher per workshop in each phone process that plays some of its seats.
    const listeners = workshops.length + slices.reduce((n, sl) => n + sl.length, 0);
    return {
      scenario: s.name,
      server,
      // phones have a board websocket and (ours) a socket.io connection; screens and researchers one each
      connections: phones * (server === 'ours' ? 2 : 1) + listeners,
      phones,
      writes,
      p50Ms: round(percentile(all, 50)),
      p95Ms: round(percentile(all, 95)),
      p99Ms: round(percentile(all, 99)),
      maxMs: round(all.at(-1) ?? NaN),
      burstP50Ms: round(percentile(burst, 50)),
      burstP95Ms: round(percentile(burst, 95)),
      burstP99Ms: round(percentile(burst, 99)),
      joinP50Ms: round(percentile(joins, 50)),
      joinP95Ms: round(percentile(joins, 95)),
      cpuPercent: round(cpuPercent),
      rssMb: round(rss.stop()),
      bytesPerUpdate: round(seen.wireMessages ? seen.wireBytes / seen.wireMessages : NaN),
      storageBytesPerWrite: server !== 'reference' ? round((storageAfter - storageBefore) / Math.max(1, writes)) : 0,
      lost: writes - all.length - burst.length,
      errors: reports.reduce((n, r) => n + r.errors, 0),
      loadLagP99Ms: round(Math.max(...reports.map((r) => r.lagP99Ms))),
      screenLagP99Ms: round(seen.lagP99Ms),
      serverLagMaxMs: round(steadyLoop.maxMs),
      serverLagP99Ms: round(steadyLoop.p99Ms),
      serverLagMaxWithBurstMs: round(Math.max(steadyLoop.maxMs, withBurstLoop.maxMs)),
      ...(big
        ? {
            exports: exportMs.length,
            exportMedianMs: round(
              percentile(
                exportMs.sort((a, b) => a - b),
                50,
              ),
            ),
          }
        : {}),
    };
  } finally {
    rss.stop();
    await proc.stop();
  }
}

/**
 * A load process: devices of the room played on the bench's cores. `elsewhere`: devices that in a room have CPUs of
 * their own (phones, the researcher's laptop) run at a lower priority (BENCH_NICE, default 10), taking the cores the
 * server and the projector leave instead of competing with them as one machine's load. BENCH_LOAD_NODE_ARGS profiles
 * them, as BENCH_NODE_ARGS does the server.
 */
function forkDevices(file: string, elsewhere: boolean): ChildProcess {
  const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const node = [process.execPath, ...nodeArgs, '--import', 'tsx', file];
  // Started through nice(1), so every thread of the process has the lower priority from its first instruction
  // (setpriority(2) on the child's pid after fork sets one thread, and the others inherit it only when Node starts
  // them after it, which is a race the bench should not depend on).
  const [cmd, ...args] = elsewhere ? ['nice', '-n', String(PHONE_NICE), ...node] : node;
  return spawn(cmd!, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
}

/** A shell loop that only spins, at the lowest priority, until `until` (the control of `Scenario.spinIdle`). */
function spinAtIdle(until: number): Promise<void> {
  const loop = ['sh', '-c', 'while :; do :; done'];
  const [cmd, ...args] = CHRT ? [CHRT, '--idle', '0', ...loop] : ['nice', '-n', '19', ...loop];
  const child = spawn(cmd!, args, { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(0, until - Date.now()));
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs the researcher's laptop (bench/exportDownloader.ts) until `plan.until`; resolves with each export's time. */
function downloadElsewhere(plan: DownloadPlan): Promise<number[]> {
  const child = forkDevices('bench/exportDownloader.ts', true);
  child.send(plan);
  return new Promise((resolve, reject) => {
    child.once('message', (m: { exportMs: number[] }) => resolve(m.exportMs));
    child.once('exit', (code) => (code ? reject(new Error(`export downloader exited with ${code}`)) : undefined));
  });
}
