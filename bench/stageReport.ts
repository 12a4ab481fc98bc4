import { readFileSync } from 'node:fs';
import { percentile } from './procStats';

/**
 * Where each update's time goes inside a server, stage by stage (docs/PERFORMANCE.md, "2026-12-04, 16:05"):
 *
 *   git apply bench/stageTiming.patch        # both servers time each stage of each update (not for deployment)
 *   npm run bench -- --only=workshops --server=reference-durable,ours
 *   npx tsx bench/stageReport.ts /tmp/stages-*.json
 *   git apply -R bench/stageTiming.patch
 *
 * The patched servers write their timings to STAGES_DIR (default /tmp) every 3 s, a file per server process. Per
 * file, over the steady phase: the first tenth of the time is left out (the joins), and the burst, which comes after
 * the load's 3 s pause (a gap of over 1.5 s between two updates).
 */
type Times = Record<string, number>;

const STAGES: Array<[string, string, string]> = [
  ['recv', 'handle', 'queued behind the connection’s previous message'],
  ['handle', 'apply', 'guard: decode, preparation, check'],
  ['apply', 'push', 'Yjs apply'],
  ['push', 'committed', 'to the end of the SQLite transaction (the reference: its write)'],
  ['commit', 'committed', 'the SQLite transaction'],
  ['committed', 'flushed', 'the flush (fdatasync on the thread pool, back on the event loop)'],
  ['flushed', 'relay', 'flushed to relayed'],
  ['relay', 'sent', 'sending to every other socket'],
  ['recv', 'relay', 'receipt to relay'],
];

const ms = (xs: number[], p: number) => {
  const v = percentile(
    xs.filter(Number.isFinite).sort((a, b) => a - b),
    p,
  );
  return Number.isFinite(v) ? v.toFixed(3) : '–';
};

for (const file of process.argv.slice(2)) {
  // Updates the server wrote itself carry no receipt time.
  const all = (JSON.parse(readFileSync(file, 'utf8')) as Times[])
    .filter((t) => Number.isFinite(t.recv))
    .sort((a, b) => a.recv! - b.recv!);
  if (all.length === 0) continue;
  // The burst: everything after the last gap of over 1.5 s (the load's pause before it), when there is one.
  let upTo = all.length;
  while (upTo > 1 && all[upTo - 1]!.recv! - all[upTo - 2]!.recv! <= 1500) upTo--;
  if (upTo === 1) upTo = all.length;
  else upTo--;
  // The joins (each phone's first writes) fall in the first tenth of the time.
  const steadyFrom = all[0]!.recv! + (all[upTo - 1]!.recv! - all[0]!.recv!) / 10;
  const steady = all.slice(0, upTo).filter((t) => t.recv! >= steadyFrom);
  console.log(`${file}: ${steady.length} updates (p50 / p95 / p99 ms)`);
  for (const [from, to, what] of STAGES) {
    const d = steady.map((t) => t[to]! - t[from]!);
    if (!d.some(Number.isFinite)) continue;
    console.log(`  ${`${from} → ${to}`.padEnd(22)} ${ms(d, 50)} / ${ms(d, 95)} / ${ms(d, 99)}  ${what}`);
  }
}
