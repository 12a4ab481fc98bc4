/** Counts events per key (an address) in fixed one-minute windows; small, and forgets old windows. */
export class RateLimit {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private roll(): void {
    const t = this.now();
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.counts = new Map();
    }
  }

  /** True when the key has used up its allowance this minute. */
  exhausted(key: string): boolean {
    this.roll();
    return (this.counts.get(key) ?? 0) >= this.perMinute;
  }

  hit(key: string): void {
    this.roll();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
