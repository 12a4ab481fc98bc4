import { readFileSync } from 'node:fs';

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

const pct = (xs: number[], p: number) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))]!.toFixed(3) : '–';
};

for (const file of process.argv.slice(2)) {
  // Updates the server wrote itself carry no receipt time.
  const all = (JSON.parse(readFileSync(file, 'utf8')) as Times[])
    .filter((t) => Number.isFinite(t.recv))
    .sort((a, b) => a.recv! - b.recv!);
  let upTo = all.length;
  for (let i = all.length - 1; i > 0; i--) if (all[i]!.recv! - all[i - 1]!.recv! > 1500) upTo = i;
  // The joins (each phone's first writes) fall in the first tenth of the time.
  const from = all[0]!.recv! + (all[upTo - 1]!.recv! - all[0]!.recv!) / 10;
  const steady = all.slice(0, upTo).filter((t) => t.recv! >= from);
  console.log(`${file}: ${steady.length} updates (p50 / p95 / p99 ms)`);
  for (const [from, to, what] of STAGES) {
    const d = steady.map((t) => t[to]! - t[from]!);
    if (!d.some(Number.isFinite)) continue;
    console.log(`  ${`${from} → ${to}`.padEnd(22)} ${pct(d, 0.5)} / ${pct(d, 0.95)} / ${pct(d, 0.99)}  ${what}`);
  }
}
