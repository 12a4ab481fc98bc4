/**
 * The server-authoritative timer, as stored in the control document.
 * Running: `endsAt` is the server time it reaches zero. Paused or idle: `remainingMs` holds what is left.
 */
export interface TimerState {
  durationMs: number;
  endsAt: number | null;
  remainingMs: number;
}

export const idleTimer = (durationMs: number): TimerState => ({ durationMs, endsAt: null, remainingMs: durationMs });

/** Milliseconds left at server time `now` (never negative). */
export function timerRemaining(t: TimerState, now: number): number {
  if (t.endsAt === null) return Math.max(0, t.remainingMs);
  return Math.max(0, t.endsAt - now);
}

export const timerRunning = (t: TimerState): boolean => t.endsAt !== null;

export function startTimer(t: TimerState, now: number): TimerState {
  if (t.endsAt !== null) return t;
  const left = t.remainingMs > 0 ? t.remainingMs : t.durationMs;
  return { ...t, endsAt: now + left, remainingMs: left };
}

export function pauseTimer(t: TimerState, now: number): TimerState {
  if (t.endsAt === null) return t;
  return { ...t, endsAt: null, remainingMs: timerRemaining(t, now) };
}

/** Adds (or with a negative value, removes) time; the duration grows with it so progress bars stay honest. */
export function extendTimer(t: TimerState, ms: number, now: number): TimerState {
  if (t.endsAt !== null) {
    const endsAt = Math.max(now, t.endsAt + ms);
    return { ...t, endsAt, durationMs: Math.max(0, t.durationMs + ms) };
  }
  return { ...t, remainingMs: Math.max(0, t.remainingMs + ms), durationMs: Math.max(0, t.durationMs + ms) };
}

export const resetTimer = (t: TimerState, durationMs = t.durationMs): TimerState => idleTimer(durationMs);

/** "m:ss" for a countdown display. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * Estimates server time offset from one ping: the client sent at `t0`, the server answered `serverNow`,
 * the answer arrived at `t1`. Assumes the network delay is symmetric, as NTP does.
 */
export const clockOffset = (t0: number, serverNow: number, t1: number): number => serverNow - (t0 + t1) / 2;
