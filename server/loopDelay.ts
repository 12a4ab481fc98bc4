import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * The server's event-loop delay, sampled every 10 ms (perf_hooks): what a phone's message waits at most before the
 * server gets to it. Read at `GET /healthz/loop` (`?reset=1` starts a new measuring window; the benchmark reads it
 * at the end of its steady load).
 */
let histogram: IntervalHistogram | null = null;

export function loopDelay(reset = false): { maxMs: number; p99Ms: number; meanMs: number; sinceMs: number } {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    since = Date.now();
  }
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const out = {
    maxMs: ms(histogram.count ? histogram.max : 0),
    p99Ms: ms(histogram.count ? histogram.percentile(99) : 0),
    meanMs: ms(histogram.count ? histogram.mean : 0),
    sinceMs: Date.now() - since,
  };
  if (reset) {
    histogram.reset();
    since = Date.now();
  }
  return out;
}
let since = Date.now();
