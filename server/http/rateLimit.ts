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

/** Expands an IPv6 address (no zone) to its eight 16-bit groups, or null when it is not one. */
function ipv6Groups(addr: string): number[] | null {
  let s = addr;
  // An IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some((x) => x > 255)) return null;
    s = s.slice(0, v4.index) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 0) return null;
  const groups = [...head, ...Array<number>(Math.max(0, fill)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The key a client is counted under: an IPv4 address as it is (also when written IPv4-mapped, `::ffff:1.2.3.4`),
 * an IPv6 address by its /64 network, since one household or phone gets a whole /64 and may rotate through it.
 */
export function addressKey(addr: string | undefined): string {
  if (!addr) return 'unknown';
  const bare = addr.replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  if (!bare.includes(':')) return bare;
  const g = ipv6Groups(bare.toLowerCase());
  if (!g) return bare;
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address itself.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
  }
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}

/** This machine (127.0.0.1, ::1, ::ffff:127.0.0.1): local tools, or a reverse proxy on loopback. */
export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  const bare = addr.replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  if (addressKey(bare) === '127.0.0.1') return true;
  const g = bare.includes(':') ? ipv6Groups(bare.toLowerCase()) : null;
  return g !== null && g.slice(0, 7).every((x) => x === 0) && g[7] === 1;
}
