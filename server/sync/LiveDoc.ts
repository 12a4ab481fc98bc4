import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { applyStoredDoc } from '../storage/snapshotFormat';
import type { Storage } from '../storage/Storage';
import { awarenessMessage, updateMessage } from './messages';
import type { ChangeOrigin } from './origins';

/** Something that can receive a document's updates: a websocket connection. */
export interface DocListener {
  /** Sends one y-websocket message, encoded once for every listener. */
  send(message: Uint8Array): void;
  /** Awareness client ids this listener's own messages added or removed (not ones it merely echoed back). */
  ownAwareness(added: number[], removed: number[]): void;
}

/** Take a snapshot after this many logged updates, so loading time stays bounded however long the log grows. */
const SNAPSHOT_EVERY = 200;

/**
 * One loaded document: the Y.Doc, its awareness, and the listeners it relays to.
 * Every update is appended to the log before it is relayed to anyone.
 */
export class LiveDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly listeners = new Set<DocListener>();
  private writes: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private sinceSnapshot = 0;
  private failed: unknown = null;

  constructor(
    readonly name: string,
    private readonly storage: Storage,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = added.concat(updated, removed);
        if (changed.length === 0) return;
        const source = this.listeners.has(origin as DocListener) ? (origin as DocListener) : null;
        source?.ownAwareness(added, removed);
        // perf: encoded once, the same bytes go to every listener.
        const msg = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
        for (const l of this.listeners) if (l !== origin) l.send(msg);
      },
    );
  }

  /** Loads snapshot and log; called once, before anyone is answered. */
  async load(): Promise<void> {
    const stored = await this.storage.loadDoc(this.name);
    applyStoredDoc(this.doc, stored, { actor: 'load' });
    this.lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
    this.sinceSnapshot = stored.updates.length;
    this.loaded = true;
  }

  private loaded = false;

  /**
   * Applies a client's update. It is relayed once it is stored and once `recorded` (what the guard stored for it,
   * such as the claim of a new client id) is too.
   */
  applyClientUpdate(update: Uint8Array, origin: ChangeOrigin, recorded: Promise<unknown>): void {
    this.recorded = recorded;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.recorded = null;
    }
  }

  private recorded: Promise<unknown> | null = null;

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (!this.loaded) return;
    const actor = (origin as ChangeOrigin | null)?.actor ?? 'unknown';
    // perf: updates that arrive while a write is in flight are stored together (one group commit), then relayed.
    this.pending.push({ update, origin, actor, ts: Date.now(), recorded: this.recorded });
    if (this.pending.length === 1) this.writes = this.writes.then(() => this.flush());
  }

  private pending: Array<{
    update: Uint8Array;
    origin: unknown;
    actor: string;
    ts: number;
    recorded: Promise<unknown> | null;
  }> = [];

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const appends = batch.map((u) => this.storage.appendUpdate(this.name, u.update, u.actor, u.ts));
      const [seqs] = await Promise.all([Promise.all(appends), ...batch.map((u) => u.recorded)]);
      this.lastSeq = Math.max(this.lastSeq, ...seqs);
    } catch (err) {
      // Not stored means not relayed: clients keep the change and resend it on their next sync.
      this.failed = err;
      console.error(`[storage] could not store an update of ${this.name}:`, err);
      return;
    }
    this.relay(batch);
    this.sinceSnapshot += batch.length;
    if (this.sinceSnapshot >= SNAPSHOT_EVERY) await this.writeSnapshot();
  }

  /**
   * Sends stored updates to the listeners, encoded once for all. A batch (updates that arrived together, as when a
   * whole room posts at once) goes out merged, as one message per listener instead of one per update: a phone
   * applies it in one transaction, and the server writes one frame per socket. Listeners then also receive their own
   * part of the batch back, which Yjs applies as a no-op.
   */
  private relay(batch: Array<{ update: Uint8Array; origin: unknown }>): void {
    if (batch.length === 1) {
      const { update, origin } = batch[0]!;
      const msg = updateMessage(update);
      for (const l of this.listeners) if (l !== origin) l.send(msg);
      return;
    }
    const msg = updateMessage(Y.mergeUpdates(batch.map((u) => u.update)));
    for (const l of this.listeners) l.send(msg);
  }

  /** Resolves once every update so far is stored (and relayed). */
  idle(): Promise<void> {
    return this.writes;
  }

  /** Stores a snapshot once every update so far is stored. */
  async snapshot(): Promise<void> {
    await this.writes;
    await this.writeSnapshot();
  }

  // Runs inside the write queue, so it must not wait for the queue itself.
  private async writeSnapshot(): Promise<void> {
    this.sinceSnapshot = 0;
    await this.storage.saveSnapshot(this.name, Y.encodeStateAsUpdateV2(this.doc), this.lastSeq);
  }

  get storageError(): unknown {
    return this.failed;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
