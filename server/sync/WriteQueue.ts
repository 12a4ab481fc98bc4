import * as Y from 'yjs';
import type { Storage } from '../storage/Storage';
import type { DocListener } from './LiveDoc';

/** An applied update waiting to be stored, then relayed. */
export interface Entry {
  update: Uint8Array;
  origin: unknown;
  actor: string;
  ts: number;
  recorded: Promise<unknown> | null;
  serial: number;
  /** The document's state vector right after this update was applied (the transaction's `afterState`). */
  after: Map<number, number>;
}

/** First wait before storing a failed batch again; it doubles up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function mergeStateVector(into: Map<number, number>, from: Map<number, number>): void {
  for (const [client, clock] of from) if ((into.get(client) ?? 0) < clock) into.set(client, clock);
}

const logSnapshotError = (name: string) => (err: unknown) =>
  // A snapshot only speeds up loading; the log holds everything, so a failed one is tried at the next occasion.
  console.error(`[storage] could not store a snapshot of ${name}:`, err);

/** Take a snapshot after this many logged updates, so loading time stays bounded however long the log grows. */
const SNAPSHOT_EVERY = 200;

/** Batches of one document being stored at once (see `flush`). */
const IN_FLIGHT = 3;

/**
 * The write queue of one loaded document (`LiveDoc`): every applied update is appended to the log, and only once it
 * is durable (and what the guard recorded for it is stored too) is it relayed and acknowledged, strictly in order.
 */
export class WriteQueue {
  private lastSeq = 0;
  private sinceSnapshot = 0;
  private failed: unknown = null;

  constructor(
    private readonly name: string,
    private readonly storage: Storage,
    /** Bytes of unstored updates held before new writes are turned away. */
    private readonly maxUnstoredBytes: number,
    private readonly hooks: {
      listeners: Set<DocListener>;
      /** Sends a stored batch to the listeners. */
      relay(batch: Entry[]): void;
      /** The document's whole state, for a snapshot. */
      state(): Uint8Array;
    },
  ) {}

  /** What the loaded document holds: its last log sequence, its state vector, the updates since its snapshot. */
  loaded(lastSeq: number, stateVector: Uint8Array, sinceSnapshot: number): void {
    this.lastSeq = lastSeq;
    for (const [client, clock] of Y.decodeStateVector(stateVector)) this.storedState.set(client, clock);
    this.storedEncoded = null;
    this.sinceSnapshot = sinceSnapshot;
  }

  /** An update the document applied: stored, then relayed. `after`: the document's state vector once applied. */
  push(
    update: Uint8Array,
    origin: unknown,
    actor: string,
    recorded: Promise<unknown> | null,
    after: Map<number, number>,
  ): void {
    // perf: updates that arrive together are stored together (one group commit), then relayed (see `flush`).
    this.pending.push({ update, origin, actor, ts: Date.now(), recorded, serial: ++this.serial, after });
    this.unstoredBytes += update.length;
    if (!this.flushing) this.startFlush();
    else this.arrived?.();
  }

  /** Applied, not yet stored, in order; the head is what the current attempt stores. */
  private pending: Entry[] = [];
  private serial = 0;
  private unstoredBytes = 0;
  private failing = false;
  private readonly toldNotStored = new Set<DocListener>();
  private waiters: Array<{ serial: number; attemptOnly: boolean; resolve: () => void }> = [];
  /** Per client, the clock up to which the log holds this document (what an ack promises). */
  // Updates are stored in the order the document applied them, so after a stored batch this is the state the
  // document had after the batch's last update.
  private readonly storedState = new Map<number, number>();
  /** `storedState` encoded, while it holds (each ack sends it). */
  private storedEncoded: Uint8Array | null = null;

  /**
   * Stores what is queued, oldest first, one group commit per attempt. A failed attempt keeps the whole batch in
   * memory, in order (later updates queue behind it), tells its writers (`notStored`) and is tried again after a
   * backoff; nothing unstored is relayed. Stored means relayed and acknowledged to each writer.
   */
  private flushing = false;

  /** Runs the store loop; whatever goes wrong in it, the loop is started again while anything waits. */
  private startFlush(): void {
    this.flushing = true;
    let crashed = false;
    // Started a microtask later, so updates applied in the same turn share the first group commit.
    void Promise.resolve()
      .then(() => this.flush())
      .catch((err: unknown) => {
        crashed = true;
        console.error(`[storage] ${this.name}: the write loop failed; starting it again:`, err);
      })
      .finally(() => {
        this.flushing = false;
        if (this.pending.length === 0) return;
        // Updates that arrived as the loop ended; after a crash of the loop, after a pause.
        if (!crashed) this.startFlush();
        else setTimeout(() => !this.flushing && this.pending.length > 0 && this.startFlush(), RETRY_FIRST_MS);
      });
  }

  private async flush(): Promise<void> {
    let backoff = RETRY_FIRST_MS;
    // Batches being stored, oldest first; `started` counts the pending entries they cover.
    const inFlight: Array<{ batch: Entry[]; done: Promise<void> }> = [];
    let started = 0;
    while (this.pending.length > 0) {
      // perf: what arrived since the last batch started is stored at once, while earlier batches are still on
      // their way to disk: each update waits for its own flush, not for the one before it to end first (up to
      // IN_FLIGHT batches; the group commit and the WAL flusher serve them together). Relay and ack stay in order.
      while (!this.failing && started < this.pending.length && inFlight.length < IN_FLIGHT) {
        const batch = this.pending.slice(started);
        started = this.pending.length;
        const done = this.store(batch);
        done.catch(() => undefined); // awaited below, in order; a failure is handled there
        inFlight.push({ batch, done });
      }
      if (this.failing) {
        // After a failure: one attempt at a time for everything held, as before the failure, until all is stored.
        const batch = this.pending.slice();
        try {
          await this.store(batch);
        } catch (err) {
          await this.storeFailed(batch, err, backoff);
          backoff = Math.min(backoff * 2, RETRY_MAX_MS);
          continue;
        }
        backoff = RETRY_FIRST_MS;
        this.stored(batch);
        if (this.sinceSnapshot >= SNAPSHOT_EVERY) await this.snapshotDue();
        continue;
      }
      const head = inFlight[0]!;
      // Wait for the oldest batch; an update arriving meanwhile starts the next batch first.
      const arrived = new Promise<'arrived'>((resolve) => (this.arrived = () => resolve('arrived')));
      const outcome = await Promise.race([
        head.done.then(
          () => 'stored' as const,
          (err: unknown) => ({ err }),
        ),
        ...(inFlight.length < IN_FLIGHT ? [arrived] : []),
      ]);
      this.arrived = null;
      if (outcome === 'arrived') continue;
      if (outcome !== 'stored') {
        // Later batches may be stored or not: all of it is stored again, whole, in order (Yjs applies an update
        // twice as once), once every attempt under way has ended.
        await Promise.allSettled(inFlight.map((f) => f.done));
        inFlight.length = 0;
        started = 0;
        await this.storeFailed(this.pending.slice(), outcome.err, backoff);
        backoff = Math.min(backoff * 2, RETRY_MAX_MS);
        continue;
      }
      inFlight.shift();
      started -= head.batch.length;
      this.stored(head.batch);
      if (this.sinceSnapshot >= SNAPSHOT_EVERY) await this.snapshotDue();
    }
    if (this.failing) {
      this.failing = false;
      this.toldNotStored.clear();
      console.warn(`[storage] ${this.name}: every update held in memory is stored now`);
      // Writers whose changes were turned away while full send them again.
      for (const l of this.hooks.listeners) l.recovered?.();
    }
  }

  /** Wakes the store loop when an update arrives while it waits for a batch (set only while it waits). */
  private arrived: (() => void) | null = null;

  /** Appends a batch to the log; resolves once it is durable and what the guard recorded for it is stored too. */
  private async store(batch: Entry[]): Promise<void> {
    // A claim that failed is not waited for again: the guard has forgotten it, so the client's next update
    // claims its id again; the update itself is stored and relayed rather than held for ever.
    if (this.failing) for (const u of batch) u.recorded = u.recorded?.catch(() => undefined) ?? null;
    const appends = batch.map((u) => this.storage.appendUpdate(this.name, u.update, u.actor, u.ts));
    const [seqs] = await Promise.all([Promise.all(appends), ...batch.map((u) => u.recorded)]);
    this.lastSeq = Math.max(this.lastSeq, ...seqs);
  }

  /** A stored batch, the oldest held: it leaves the queue, is relayed, and its writers are acknowledged. */
  private stored(batch: Entry[]): void {
    this.pending.splice(0, batch.length);
    for (const u of batch) this.unstoredBytes -= u.update.length;
    // perf: the state after the batch's last update, as the document computed it (no update is parsed again here).
    mergeStateVector(this.storedState, batch.at(-1)!.after);
    this.storedEncoded = null;
    this.hooks.relay(batch);
    for (const w of this.writersOf(batch)) w.acknowledge?.(this.storedClocks);
    this.settle(true, batch.at(-1)!.serial);
    this.sinceSnapshot += batch.length;
  }

  /** A snapshot, after every SNAPSHOT_EVERY stored updates (checked by the caller, so no wait when none is due). */
  private snapshotDue(): Promise<void> {
    return this.writeSnapshot().catch(logSnapshotError(this.name));
  }

  /** A failed attempt: the batch stays held, in order (later updates queue behind it); its writers are told. */
  private async storeFailed(batch: Entry[], err: unknown, backoff: number): Promise<void> {
    this.failed = err;
    this.failing = true;
    console.error(`[storage] could not store ${batch.length} update(s) of ${this.name}; retrying:`, err);
    this.settle(false);
    for (const w of this.writersOf(batch)) {
      if (this.toldNotStored.has(w)) continue;
      this.toldNotStored.add(w);
      w.notStored?.('retrying');
    }
    await sleep(backoff);
  }

  /** Listeners that wrote something in the batch. */
  private writersOf(batch: Entry[]): DocListener[] {
    const out = new Set<DocListener>();
    for (const u of batch) if (this.hooks.listeners.has(u.origin as DocListener)) out.add(u.origin as DocListener);
    return [...out];
  }

  /** Resolves waiters: those covered by a stored batch, or (a failed attempt) those that only wait for an attempt. */
  private settle(stored: boolean, upTo = 0): void {
    this.waiters = this.waiters.filter((w) => {
      if ((stored && w.serial <= upTo) || (!stored && w.attemptOnly)) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  /** Per client id, the clock up to which the log holds this document. */
  get storedClocks(): ReadonlyMap<number, number> {
    return this.storedState;
  }

  /** The stored state vector, as the ack after a sync carries it. */
  storedStateVector(): Uint8Array {
    return (this.storedEncoded ??= Y.encodeStateVector(this.storedState));
  }

  /** True while a write is being retried after a storage failure. */
  get retrying(): boolean {
    return this.failing;
  }

  /** The last storage error (for /readyz and logs). */
  get error(): unknown {
    return this.failed;
  }

  /** True while unstored updates take more memory than the bound: new writes are turned away. */
  get full(): boolean {
    return this.unstoredBytes > this.maxUnstoredBytes;
  }

  /** Resolves once every update so far is stored (and relayed); while storage fails, once it is stored again. */
  idle(): Promise<void> {
    return this.waitFor(false);
  }

  /**
   * Resolves once every update so far is stored, or once an attempt to store it failed (it is then held and
   * retried): a connection goes on reading its messages while storage is down instead of piling them up.
   */
  settled(): Promise<void> {
    return this.waitFor(true);
  }

  private waitFor(attemptOnly: boolean): Promise<void> {
    const last = this.pending.at(-1);
    if (!last) return Promise.resolve();
    if (attemptOnly && this.failing) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ serial: last.serial, attemptOnly, resolve }));
  }

  // Runs inside the write queue, so it must not wait for the queue itself.
  async writeSnapshot(): Promise<void> {
    this.sinceSnapshot = 0;
    await this.storage.saveSnapshot(this.name, this.hooks.state(), this.lastSeq);
  }
}
