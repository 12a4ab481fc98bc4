import { createHash } from 'node:crypto';
import pg from 'pg';
import { log } from '../logging';

/**
 * Who may serve a workshop. An instance holds a workshop's lease while any of its documents is loaded, so two
 * instances can never both write one workshop.
 */
export interface WorkshopLease {
  /** Takes the lease (refcounted per workshop); rejects when another instance keeps it past the wait. */
  acquire(workshopId: string): Promise<void>;
  release(workshopId: string): Promise<void>;
  close(): Promise<void>;
  /** How many workshops' leases this instance holds now (metrics). */
  heldCount?(): number;
  /** Readiness (`/readyz`): rejects when the leases this instance counts on are not held in the database. */
  check?(): Promise<void>;
}

/** One instance, one process: nothing to coordinate. */
export const soleInstance: WorkshopLease = {
  acquire: async () => undefined,
  release: async () => undefined,
  close: async () => undefined,
};

export class LeaseUnavailable extends Error {
  constructor(workshopId: string) {
    super(`workshop ${workshopId} is served by another instance`);
  }
}

// A 64-bit advisory-lock key from the workshop id (a 32-bit hash would let two workshops share a lock now and then).
const lockKey = (workshopId: string): string =>
  createHash('sha256').update(`werkplaats:${workshopId}`).digest().readBigInt64BE(0).toString();

/**
 * Leases as PostgreSQL session advisory locks on one dedicated connection: when the instance dies, its connection
 * drops and PostgreSQL frees every lock at once, so another instance can take the workshops over.
 */
export class PgAdvisoryLease implements WorkshopLease {
  // Per workshop: how many loaded documents need the lease, and the taking of it (shared by concurrent callers).
  private readonly held = new Map<string, { count: number; taken: Promise<void>; holds?: boolean }>();
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: pg.Client,
    private readonly waitMs: number,
  ) {}

  static async connect(url: string, opts: { waitMs?: number; onLost?: (err: Error) => void } = {}) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // Losing this connection loses every lease without telling us: the instance must stop serving at once.
    const lost =
      opts.onLost ??
      ((err: Error) => {
        log.fatal({ err }, 'lease connection to PostgreSQL lost; stopping so no workshop is served without its lease');
        process.exit(1);
      });
    client.on('error', lost);
    return new PgAdvisoryLease(client, opts.waitMs ?? 3000);
  }

  // One connection, one query at a time: queries are chained.
  private query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<T>> {
    const p = this.chain.then(() => this.client.query<T>(sql, params));
    this.chain = p.catch(() => undefined);
    return p;
  }

  acquire(workshopId: string): Promise<void> {
    const entry = this.held.get(workshopId);
    if (entry) {
      entry.count++;
      return entry.taken;
    }
    const taken = this.take(workshopId);
    const created = { count: 1, taken, holds: false };
    this.held.set(workshopId, created);
    taken.then(
      () => (created.holds = true),
      () => this.held.delete(workshopId),
    );
    return taken;
  }

  private async take(workshopId: string): Promise<void> {
    // Another instance may be handing the workshop over (unloading, or its death not yet noticed): try for a while.
    const until = Date.now() + this.waitMs;
    for (;;) {
      const r = await this.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [
        lockKey(workshopId),
      ]);
      if (r.rows[0]?.ok) return;
      if (Date.now() > until) throw new LeaseUnavailable(workshopId);
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  async release(workshopId: string): Promise<void> {
    const entry = this.held.get(workshopId);
    if (!entry) return;
    if (--entry.count > 0) return;
    this.held.delete(workshopId);
    await entry.taken.catch(() => undefined);
    await this.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey(workshopId)]);
  }

  heldCount(): number {
    let n = 0;
    for (const e of this.held.values()) if (e.holds) n++;
    return n;
  }

  async check(): Promise<void> {
    const expected = this.heldCount();
    const r = await this.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()",
      [],
    );
    const locked = Number(r.rows[0]?.n ?? 0);
    if (locked < expected) throw new Error(`holds ${locked} of the ${expected} workshop leases it serves`);
  }

  async close(): Promise<void> {
    this.client.removeAllListeners('error');
    this.client.on('error', () => undefined);
    await this.chain;
    await this.client.end();
  }
}
