import { fork } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createWorkshop } from '../tests/sim/simulator';
import type { BenchWorkshop, WorkerPlan, WorkerReport } from './plan';
import { percentile, readProc, sampleRss } from './procStats';
import { startServerProcess } from './serverProcess';

export interface Scenario {
  name: string;
  workshops: number;
  phones: number;
  warmupMs: number;
  steadyMs: number;
  writeEveryMs: number;
  burst: boolean;
  processes: number;
}

export interface ScenarioResult {
  scenario: string;
  server: 'ours' | 'reference';
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
  /** Worst p99 event-loop delay of the load processes: high means the load generator, not the server, was slow. */
  loadLagP99Ms: number;
}

const ORGANISER_KEY = 'bench-organiser-key';
const dirSize = (dir: string): number => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs one scenario against our server or the reference relay, and measures it. */
export async function runScenario(s: Scenario, server: 'ours' | 'reference'): Promise<ScenarioResult> {
  const proc =
    server === 'ours'
      ? await startServerProcess('server/main.ts', { ORGANISER_KEY })
      : await startServerProcess('bench/referenceServer.ts');
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

    const children = slices.map((workshopsOfProc) => {
      // BENCH_LOAD_NODE_ARGS profiles the load processes, as BENCH_NODE_ARGS does the server.
      const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const child = fork('bench/loadWorker.ts', [], { execArgv: [...nodeArgs, '--import', 'tsx'], stdio: 'inherit' });
      const plan: WorkerPlan = {
        mode: server,
        url: proc.url,
        workshops: workshopsOfProc,
        sessionId: 'opening',
        warmupMs: s.warmupMs,
        steadyMs: s.steadyMs,
        writeEveryMs: s.writeEveryMs,
      };
      const joined = new Promise<void>((resolve) => child.once('message', () => resolve()));
      const report = new Promise<WorkerReport>((resolve, reject) => {
        child.on('message', (m: { type: string; report?: WorkerReport }) => {
          if (m.type === 'report') resolve(m.report!);
        });
        child.once('exit', (code) => (code ? reject(new Error(`load process exited with ${code}`)) : undefined));
      });
      child.send(plan);
      return { child, joined, report };
    });
    await Promise.all(children.map((c) => c.joined));
    const startAt = Date.now() + 500;
    const burstAt = s.burst ? startAt + s.steadyMs + 3000 : 0;
    for (const c of children) c.child.send({ startAt, burstAt });
    const storageBefore = dirSize(proc.dataDir);
    await new Promise((r) => setTimeout(r, startAt + s.warmupMs - Date.now()));
    const cpu0 = readProc(proc.pid).cpuMs;
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, startAt + s.steadyMs - Date.now()));
    const cpuPercent = ((readProc(proc.pid).cpuMs - cpu0) / (Date.now() - t0)) * 100;
    const reports = await Promise.all(children.map((c) => c.report));
    const storageAfter = dirSize(proc.dataDir);

    const all = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const burst = reports.flatMap((r) => r.burstLatencies).sort((a, b) => a - b);
    const joins = reports.flatMap((r) => r.joinMs).sort((a, b) => a - b);
    const phones = reports.reduce((n, r) => n + r.phones, 0);
    const wireBytes = reports.reduce((n, r) => n + r.wireBytes, 0);
    const wireMessages = reports.reduce((n, r) => n + r.wireMessages, 0);
    const writes = all.length + burst.length;
    const screens = slices.reduce((n, sl) => n + sl.length, 0) * 2;
    return {
      scenario: s.name,
      server,
      // phones have a board websocket and (ours) a socket.io connection; screens and researchers one each
      connections: phones * (server === 'ours' ? 2 : 1) + screens,
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
      bytesPerUpdate: round(wireMessages ? wireBytes / wireMessages : NaN),
      storageBytesPerWrite: server === 'ours' ? round((storageAfter - storageBefore) / Math.max(1, writes)) : 0,
      lost: reports.reduce((n, r) => n + r.lost, 0),
      errors: reports.reduce((n, r) => n + r.errors, 0),
      loadLagP99Ms: round(Math.max(...reports.map((r) => r.lagP99Ms))),
    };
  } finally {
    rss.stop();
    await proc.stop();
  }
}
