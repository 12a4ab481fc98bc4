import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) and resident memory (MB) of a process, from /proc. */
export function readProc(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may itself contain spaces, start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

/** Samples a process every `everyMs` and keeps the peak RSS; stop() returns it. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number } {
  let peak = 0;
  const tick = () => {
    try {
      peak = Math.max(peak, readProc(pid).rssMb);
    } catch {
      // the process is gone
    }
  };
  tick();
  const t = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(t);
      tick();
      return peak;
    },
  };
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
