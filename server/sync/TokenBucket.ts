/**
 * A token bucket that may go into debt: a request larger than the bucket is let through when the bucket is full,
 * and the ones after it wait until the debt is paid. So a phone back from ten minutes offline sends everything in
 * one go, and only a sustained flood is slowed down. Nothing is ever refused.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  /** Milliseconds to wait before `n` may be taken (0 = now). */
  waitFor(n: number): number {
    this.refill();
    const need = Math.min(n, this.capacity);
    return this.tokens >= need ? 0 : Math.ceil(((need - this.tokens) / this.perSecond) * 1000);
  }

  take(n: number): void {
    this.refill();
    this.tokens -= n;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const shared = new Map<string, TokenBucket>();

/**
 * One bucket per key for the whole process: the items-per-minute limit is per participant (workshop and actor), so
 * reconnecting or opening more connections does not give anyone a fresh bucket.
 */
export function sharedBucket(key: string, perSecond: number, capacity: number): TokenBucket {
  const k = `${key}\n${perSecond}\n${capacity}`;
  let b = shared.get(k);
  if (!b) shared.set(k, (b = new TokenBucket(perSecond, capacity)));
  return b;
}
