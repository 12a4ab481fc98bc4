import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PauseForRoom, YIELD_MS, YIELD_SHARE } from '../../server/export/pauseForRoom';

/**
 * Issue 15: the export process steps aside while the room writes, but never for good. The signals themselves are
 * checked on a real export process in integration/exportQueue.test.ts; here the policy, on a clock the test moves:
 * a record of the signals a process would get.
 */
describe('pausing the export process for the room', () => {
  let signals: Array<{ at: number; signal: string }>;
  let working: boolean;
  let pause: PauseForRoom;
  const proc = { kill: (signal: string) => (signals.push({ at: performance.now(), signal }), true) };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    signals = [];
    working = true;
    pause = new PauseForRoom(
      () => proc as unknown as ChildProcess,
      () => working,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('pauses at a write and goes on YIELD_MS after the last one', () => {
    pause.roomWrote();
    expect(signals.map((s) => s.signal)).toEqual(['SIGSTOP']);
    expect(pause.state()).toEqual({ pauses: 1, paused: true });
    vi.advanceTimersByTime(10);
    // A second write while paused moves the end, and pauses nothing more.
    pause.roomWrote();
    vi.advanceTimersByTime(YIELD_MS - 1);
    expect(pause.state().paused).toBe(true);
    vi.advanceTimersByTime(2);
    expect(signals.map((s) => s.signal)).toEqual(['SIGSTOP', 'SIGCONT']);
    expect(signals[1]!.at - signals[0]!.at).toBeGreaterThanOrEqual(10 + YIELD_MS);
    expect(pause.state()).toEqual({ pauses: 1, paused: false });
  });

  it('leaves an idle process alone, and resumes at once when asked', () => {
    working = false;
    pause.roomWrote();
    expect(signals).toEqual([]);
    working = true;
    pause.roomWrote();
    pause.resume();
    expect(signals.map((s) => s.signal)).toEqual(['SIGSTOP', 'SIGCONT']);
    vi.advanceTimersByTime(YIELD_MS * 2);
    expect(signals).toHaveLength(2);
  });

  it('never pauses for more than YIELD_SHARE of a second, however often the room writes', () => {
    // A write every millisecond for five seconds.
    let pausedMs = 0;
    for (let t = 0; t < 5000; t++) {
      pause.roomWrote();
      if (pause.state().paused) pausedMs++;
      vi.advanceTimersByTime(1);
    }
    pause.resume();
    // Each second: at most the share paused, and the process ran for the rest.
    expect(pausedMs).toBeLessThanOrEqual(5000 * YIELD_SHARE + 5 * 2);
    expect(pausedMs).toBeGreaterThan(5000 * YIELD_SHARE * 0.9);
    let stoppedAt = 0;
    const perSecond = new Map<number, number>();
    for (const s of signals) {
      if (s.signal === 'SIGSTOP') stoppedAt = s.at;
      else {
        const second = Math.floor(stoppedAt / 1000);
        perSecond.set(second, (perSecond.get(second) ?? 0) + (s.at - stoppedAt));
      }
    }
    for (const ms of perSecond.values()) expect(ms).toBeLessThanOrEqual(1000 * YIELD_SHARE + 2);
    expect(signals.at(-1)!.signal).toBe('SIGCONT');
  });

  it('forgets a pause when the process is gone', () => {
    pause.roomWrote();
    pause.forget();
    vi.advanceTimersByTime(YIELD_MS * 2);
    expect(signals.map((s) => s.signal)).toEqual(['SIGSTOP']);
    expect(pause.state().paused).toBe(false);
  });
});
