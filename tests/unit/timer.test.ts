import { describe, expect, it } from 'vitest';
import {
  clockOffset,
  extendTimer,
  formatClock,
  idleTimer,
  pauseTimer,
  resetTimer,
  startTimer,
  timerRemaining,
  timerRunning,
} from '../../shared/timer';

describe('timer', () => {
  const t0 = 1_000_000;
  it('counts down from start and never below zero', () => {
    const t = startTimer(idleTimer(180_000), t0);
    expect(timerRunning(t)).toBe(true);
    expect(timerRemaining(t, t0 + 60_000)).toBe(120_000);
    expect(timerRemaining(t, t0 + 999_999)).toBe(0);
  });
  it('keeps the remaining time across pause and resume', () => {
    const paused = pauseTimer(startTimer(idleTimer(180_000), t0), t0 + 30_000);
    expect(timerRunning(paused)).toBe(false);
    expect(timerRemaining(paused, t0 + 500_000)).toBe(150_000);
    const resumed = startTimer(paused, t0 + 600_000);
    expect(timerRemaining(resumed, t0 + 610_000)).toBe(140_000);
  });
  it('extends a running or paused timer and grows its duration', () => {
    const running = extendTimer(startTimer(idleTimer(60_000), t0), 60_000, t0);
    expect(timerRemaining(running, t0)).toBe(120_000);
    expect(running.durationMs).toBe(120_000);
    const idle = extendTimer(idleTimer(60_000), -90_000, t0);
    expect(idle.remainingMs).toBe(0);
  });
  it('restarts from the full duration once it ran out', () => {
    const done = pauseTimer(startTimer(idleTimer(1000), t0), t0 + 5000);
    expect(timerRemaining(startTimer(done, t0 + 6000), t0 + 6000)).toBe(1000);
  });
  it('resets to a given duration', () => {
    expect(resetTimer(startTimer(idleTimer(1000), t0), 5000)).toEqual(idleTimer(5000));
  });
  it('formats a countdown', () => {
    expect(formatClock(180_000)).toBe('3:00');
    expect(formatClock(61_001)).toBe('1:02');
    expect(formatClock(0)).toBe('0:00');
  });
  it('estimates the clock offset from one ping', () => {
    expect(clockOffset(1000, 6050, 1100)).toBe(5000);
  });
});
