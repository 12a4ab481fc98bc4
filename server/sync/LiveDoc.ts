import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { applyStoredDoc } from '../storage/snapshotFormat';
import type { Storage } from '../storage/Storage';
import { LIMITS } from '../../shared/limits';
import { awarenessMessage, updateMessage, type NotStoredReason } from './messages';
import { WriteQueue } from './WriteQueue';
import type { ChangeOrigin } from './origins';

/** Something that can receive a document's updates: a websocket connection. */
export interface DocListener {
  /** Sends one y-websocket message, encoded once for every listener. */
  send(message: Uint8Array): void;
  /** Awareness client ids this listener's own messages added or removed (not ones it merely echoed back). */
  ownAwareness(added: number[], removed: number[]): void;
  /** Storage works again after a failure: everything held is stored (a writer turned away resends now). */
  recovered?(): void;
  /** This listener's writes are stored: `stored` is what the log holds now, per client id (the `ack` message). */
  acknowledge?(stored: ReadonlyMap<number, number>): void;
  /** This listener's writes could not be stored yet; they are held and retried (the `notStored` message). */
  notStored?(reason: NotStoredReason): void;
}

/**
 * One loaded document: the Y.Doc, its awareness, and the listeners it relays to.
 * Every update is appended to the log before it is relayed to anyone.
 */
export class LiveDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly listeners = new Set<DocListener>();
  /** Stores every update before it is relayed, in order (server/sync/WriteQueue.ts). */
  private readonly queue: WriteQueue;

  constructor(
    readonly name: string,
    private readonly storage: Storage,
    /** Bytes of unstored updates held before new writes are turned away (tests pass a small one). */
    maxUnstoredBytes: number = LIMITS.unstoredBytes,
  ) {
    this.queue = new WriteQueue(name, storage, maxUnstoredBytes, {
      listeners: this.listeners,
      relay: (batch) => this.relay(batch),
      state: () => Y.encodeStateAsUpdateV2(this.doc),
    });
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
      this.onUpdate(update, origin, tr.afterState),
    );
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
    this.queue.loaded(
      stored.updates.at(-1)?.seq ?? stored.snapshotSeq,
      Y.encodeStateVector(this.doc),
      stored.updates.length,
    );
    this.loaded = true;
  }

  private loaded = false;

  /**
   * Applies a client's update. It is relayed once it is stored and once `recorded` (what the guard stored for it,
   * such as the claim of a new client id) is too.
   */
  applyClientUpdate(update: Uint8Array, origin: ChangeOrigin, recorded: Promise<unknown>): boolean {
    this.recorded = recorded;
    this.changed = false;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.recorded = null;
    }
    // False: the update held nothing new (the writer gets its ack from what is stored already).
    return this.changed;
  }

  private changed = false;

  private recorded: Promise<unknown> | null = null;

  private onUpdate(update: Uint8Array, origin: unknown, after: Map<number, number>): void {
    if (!this.loaded) return;
    const actor = (origin as ChangeOrigin | null)?.actor ?? 'unknown';
    this.queue.push(update, origin, actor, this.recorded, after);
    this.changed = true;
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

  /** Stores a snapshot once every update so far is stored. */
  async snapshot(): Promise<void> {
    await this.queue.idle();
    await this.queue.writeSnapshot();
  }

  /** Resolves once every update so far is stored (and relayed); while storage fails, once it is stored again. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Resolves once every update so far is stored, or once an attempt to store it failed (it is then held and
   * retried): a connection goes on reading its messages while storage is down instead of piling them up.
   */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  /** The stored state vector, as the ack carries it. */
  storedStateVector(): Uint8Array {
    return this.queue.storedStateVector();
  }

  /** Per client id, the clock up to which the log holds this document (a write's ack names the writer's ids). */
  get storedClocks(): ReadonlyMap<number, number> {
    return this.queue.storedClocks;
  }

  /** True while unstored updates take more memory than LIMITS.unstoredBytes: new writes are turned away. */
  get full(): boolean {
    return this.queue.full;
  }

  /** True while a write is being retried after a storage failure. */
  get storageFailing(): boolean {
    return this.queue.retrying;
  }

  get storageError(): unknown {
    return this.queue.error;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
