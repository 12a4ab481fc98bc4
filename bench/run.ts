import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServers, runScenario, type Scenario, type ScenarioResult } from './loadRun';
import { runStorageBench } from './storageBench';

/**
 * `npm run bench [-- --quick]`: puts the same load on our server and on a plain y-protocols relay, measures both, then
 * measures loading finished workshops from storage. Prints a table, writes JSON to bench/results/, and ends with one
 * JSON line for scripts.
 */
const quick = process.argv.includes('--quick');

const SCENARIOS: Scenario[] = quick
  ? [
      {
        name: 'workshops',
        workshops: 5,
        phones: 20,
        warmupMs: 2000,
        steadyMs: 8000,
        writeEveryMs: 4000,
        burst: true,
        processes: 2,
      },
      {
        name: 'plenary',
        workshops: 1,
        phones: 100,
        warmupMs: 2000,
        steadyMs: 6000,
        writeEveryMs: 10_000,
        burst: true,
        processes: 2,
        phonesApply: false,
      },
    ]
  : [
      {
        name: 'workshops',
        workshops: 25,
        phones: 40,
        warmupMs: 5000,
        steadyMs: 45_000,
        writeEveryMs: 10_000,
        burst: true,
        processes: 2,
      },
      {
        name: 'plenary',
        workshops: 1,
        phones: 1000,
        warmupMs: 5000,
        steadyMs: 30_000,
        writeEveryMs: 60_000,
        burst: true,
        processes: 2,
        phonesApply: false,
      },
      // 40 phones writing, without and then with a 5,000-note workshop exported back to back (ours only): exports run
      // in the export process (SCHED_IDLE / nice 19), so the phones' p95 should not move. A write every 4 s per phone
      // for 60 s: about 550 measured writes per phase, so the p95 is not decided by five or six of them. In between,
      // the control: no export, a loop that only spins at the same lowest priority (`spinIdle`).
      ...(['export-idle', 'export-control', 'export-busy'] as const).map((name) => ({
        name,
        workshops: 1,
        phones: 40,
        warmupMs: 5000,
        steadyMs: 60_000,
        writeEveryMs: 4_000,
        burst: false,
        processes: 2,
        ...(name === 'export-busy' ? { exportNotes: 5000 } : {}),
        ...(name === 'export-control' ? { spinIdle: true } : {}),
      })),
    ];

// --only=<name> runs one scenario (the summary then uses what it has); --server=ours|reference|… the servers named;
// --steady=<ms> shortens the steady phase (for profiling; the summary is then not comparable).
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only');
// A full run measures the bare relay, the relay that stores each update first (`reference-durable`) and ours.
const serverArg = arg('server')?.split(',');
const servers = (['reference', 'reference-durable', 'ours'] as const).filter(
  (s) => !serverArg || serverArg.includes(s),
);
const steady = arg('steady');
if (steady) for (const s of SCENARIOS) s.steadyMs = Number(steady);
// --rounds=<n> runs the servers alternately n times (ours, reference, …, ours, reference, …): on a shared machine the
// comparison then rests on medians over rounds with the same background load, not on one run of each.
const rounds = Math.max(1, Number(arg('rounds') ?? 1));
// Both servers run as compiled JavaScript, ours as the Dockerfile runs it (dist/server/main.js).
if (only !== 'storage') buildServers();
const results: ScenarioResult[] = [];
for (const s of SCENARIOS.filter((sc) => !only || sc.name === only || sc.name.startsWith(`${only}-`))) {
  for (let round = 1; round <= rounds; round++)
    for (const server of servers.filter((sv) => !s.name.startsWith('export') || sv === 'ours')) {
      process.stderr.write(
        `[bench] ${s.name} (${s.workshops} × ${s.phones}) on ${server}, round ${round}/${rounds}…\n`,
      );
      results.push(await runScenario(s, server));
      // Kept as it goes, so a long run that is stopped still leaves its numbers.
      mkdirSync(path.resolve('bench/results'), { recursive: true });
      writeFileSync(path.resolve('bench/results/partial.json'), JSON.stringify(results, null, 2) + '\n');
    }
}
// --only=storage runs just the storage part; --only=<scenario> skips it.
const withStorage = !only || only === 'storage';
if (withStorage) process.stderr.write('[bench] storage…\n');
const storage = withStorage ? await runStorageBench(quick) : {};

const COLS: Array<keyof ScenarioResult> = [
  'scenario',
  'server',
  'connections',
  'writes',
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'burstP95Ms',
  'burstP99Ms',
  'joinP50Ms',
  'joinP95Ms',
  'cpuPercent',
  'rssMb',
  'bytesPerUpdate',
  'storageBytesPerWrite',
  'lost',
  'errors',
  'loadLagP99Ms',
  'screenLagP99Ms',
  'serverLagMaxMs',
  'serverLagMaxWithBurstMs',
  'exports',
  'exportMedianMs',
];
console.log('\n' + COLS.join('\t'));
for (const r of results) console.log(COLS.map((c) => String(r[c])).join('\t'));
console.log('\nstorage');
for (const [k, v] of Object.entries(storage)) console.log(`  ${k}: ${v}`);

const EMPTY = {
  p50Ms: NaN,
  p95Ms: NaN,
  p99Ms: NaN,
  rssMb: NaN,
  connections: 0,
  burstP95Ms: NaN,
  joinP95Ms: NaN,
  cpuPercent: NaN,
  bytesPerUpdate: NaN,
};
const median = (xs: number[]) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2) : NaN;
};
/** One scenario on one server: its run, or with --rounds the median of each number over the rounds. */
const find = (scenario: string, server: string): ScenarioResult => {
  const runs = results.filter((r) => r.scenario === scenario && r.server === server);
  if (runs.length <= 1) return runs[0] ?? (EMPTY as ScenarioResult);
  const out = { ...runs[0]! } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'number') out[k] = median(runs.map((r) => (r as unknown as Record<string, number>)[k]!));
  return out as unknown as ScenarioResult;
};
const ours = find('workshops', 'ours');
const ref = find('workshops', 'reference');
const plenary = find('plenary', 'ours');
const durable = find('workshops', 'reference-durable');
const summary = {
  quick,
  ...(rounds > 1 ? { rounds, medians: true } : {}),
  p50Ms: ours.p50Ms,
  p95Ms: ours.p95Ms,
  p99Ms: ours.p99Ms,
  rssMb: ours.rssMb,
  connections: ours.connections,
  ratioP95: Math.round((ours.p95Ms / ref.p95Ms) * 100) / 100,
  referenceP95Ms: ref.p95Ms,
  ...(Number.isFinite(durable.p95Ms)
    ? { ratioP95Durable: Math.round((ours.p95Ms / durable.p95Ms) * 100) / 100, referenceDurableP95Ms: durable.p95Ms }
    : {}),
  burstP95Ms: ours.burstP95Ms,
  // The server's maximum event-loop delay under the steady load (and with the burst), workshops and plenary.
  serverLagMaxMs: ours.serverLagMaxMs,
  serverLagMaxWithBurstMs: ours.serverLagMaxWithBurstMs,
  ...(Number.isFinite(durable.p95Ms) ? { referenceDurableServerLagMaxMs: durable.serverLagMaxMs } : {}),
  plenaryServerLagMaxMs: plenary.serverLagMaxMs,
  // 40 phones' p95 without and with 5,000-note exports running back to back (medians with --rounds).
  exportIdleP95Ms: find('export-idle', 'ours').p95Ms,
  exportBusyP95Ms: find('export-busy', 'ours').p95Ms,
  // The control: no export, a loop spinning at the lowest priority (what any process using a core costs here).
  exportControlP95Ms: find('export-control', 'ours').p95Ms,
  exportBusyExports: find('export-busy', 'ours').exports,
  exportBusyExportMedianMs: find('export-busy', 'ours').exportMedianMs,
  exportIdleServerLagMaxMs: find('export-idle', 'ours').serverLagMaxMs,
  exportBusyServerLagMaxMs: find('export-busy', 'ours').serverLagMaxMs,
  plenaryP95Ms: plenary.p95Ms,
  plenaryRatioP95: Math.round((plenary.p95Ms / find('plenary', 'reference').p95Ms) * 100) / 100,
  joinP95Ms: ours.joinP95Ms,
  cpuPercent: ours.cpuPercent,
  bytesPerUpdate: ours.bytesPerUpdate,
  ...storage,
  lost: results.reduce((n, r) => n + r.lost, 0),
  ...(rounds > 1
    ? {
        p95ByRound: Object.fromEntries(
          servers.map((sv) => [
            sv,
            results.filter((r) => r.scenario === 'workshops' && r.server === sv).map((r) => r.p95Ms),
          ]),
        ),
      }
    : {}),
};
const dir = path.resolve('bench/results');
mkdirSync(dir, { recursive: true });
// A run with --only, --server or --steady is partial: kept under its own name, never as the latest.
const partial = Boolean(only || arg('server') || steady);
const tag = `${quick ? '-quick' : ''}${partial ? '-partial' : ''}`;
const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}${tag}.json`);
const machine = {
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
};
writeFileSync(file, JSON.stringify({ machine, scenarios: SCENARIOS, results, storage, summary }, null, 2) + '\n');
if (!partial)
  writeFileSync(
    path.join(dir, quick ? 'latest-quick.json' : 'latest.json'),
    JSON.stringify({ machine, scenarios: SCENARIOS, results, storage, summary }, null, 2) + '\n',
  );
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
console.log(JSON.stringify(summary));
// Clients and timers of the load may linger; the run is over.
process.exit(0);
