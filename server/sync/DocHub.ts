import * as Y from 'yjs';
import { soleInstance, type WorkshopLease } from '../scale/WorkshopLease';
import { applyStoredDoc } from '../storage/snapshotFormat';
import { WorkshopDeleted, type Storage } from '../storage/Storage';
import { LiveDoc } from './LiveDoc';

/** Unload a document this long after its last listener left (it is snapshotted first). */
const IDLE_UNLOAD_MS = 60_000;

/**
 * The server's documents in memory. Each is loaded exactly once: concurrent requests share the load in progress.
 */
export class DocHub {
  private readonly docs = new Map<string, Promise<LiveDoc>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  // Bumped on every get(), so an unload that started earlier can tell someone wanted the document meanwhile.
  private readonly generation = new Map<string, number>();

  // Documents dropped after a log rewrite: their late releases must not snapshot the old state over the new log.
  private readonly evicted = new WeakSet<LiveDoc>();

  constructor(
    readonly storage: Storage,
    // scale-out: the lease on a workshop is held while any of its documents is loaded here.
    private readonly lease: WorkshopLease = soleInstance,
  ) {}

  get(name: string): Promise<LiveDoc> {
    this.generation.set(name, (this.generation.get(name) ?? 0) + 1);
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let p = this.docs.get(name);
    if (!p) {
      const live = new LiveDoc(name, this.storage);
      const workshopId = workshopOf(name);
      // The lease holder checks the workshop's tombstone first: a deleted workshop is never served again.
      const load = () =>
        this.storage.isWorkshopDeleted(workshopId).then((deleted) => {
          if (deleted) throw new WorkshopDeleted(workshopId);
          return live.load();
        });
      p = this.lease.acquire(workshopId).then(() =>
        load().then(
          () => live,
          async (err: unknown) => {
            await this.lease.release(workshopId);
            throw err;
          },
        ),
      );
      p.catch(() => this.docs.delete(name));
      this.docs.set(name, p);
    }
    return p;
  }

  /**
   * Reads a document without loading it for serving (no lease): the live copy when loaded here, else the stored
   * state. For answers any instance may give, such as a join code's workshop.
   */
  async peek(name: string): Promise<Y.Doc> {
    const loaded = this.docs.get(name);
    if (loaded) return (await loaded).doc;
    const stored = await this.storage.loadDoc(name);
    const doc = new Y.Doc();
    applyStoredDoc(doc, stored);
    return doc;
  }

  /**
   * Resolves once every update accepted so far on a document is stored, without loading it: one not loaded here has
   * nothing unstored. For readers of storage that must see all accepted writes (the export worker).
   */
  async stored(name: string): Promise<void> {
    const live = await this.docs.get(name)?.catch(() => null);
    await live?.idle();
  }

  /** Called when a listener leaves: schedules unloading when nobody is left (`afterMs` 0: at once). */
  release(live: LiveDoc, afterMs = IDLE_UNLOAD_MS): void {
    // After shutdown's flush, connections still closing must not schedule snapshots into closed storage.
    if (this.closed || this.evicted.has(live)) return;
    if (live.listeners.size > 0 || this.unloadTimers.has(live.name)) return;
    const gen = this.generation.get(live.name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(live.name);
      if (live.listeners.size > 0) return;
      void live.snapshot().then(() => {
        if (live.listeners.size > 0 || this.generation.get(live.name) !== gen) return;
        this.docs.delete(live.name);
        live.destroy();
        void this.lease.release(workshopOf(live.name));
      });
    }, afterMs);
    timer.unref();
    this.unloadTimers.set(live.name, timer);
  }

  /**
   * Releases a document loaded for a request the router could not aim (creating a workshop): with leases in play it
   * is unloaded at once, so the instance that serves the workshop can take it.
   */
  handOff(live: LiveDoc): void {
    this.release(live, this.lease === soleInstance ? IDLE_UNLOAD_MS : 0);
  }

  /** Drops a document from memory without a snapshot (its log was rewritten); the next get() loads it afresh. */
  async evict(name: string): Promise<void> {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
    this.generation.set(name, (this.generation.get(name) ?? 0) + 1);
    const p = this.docs.get(name);
    this.docs.delete(name);
    if (!p) return;
    const live = await p.catch(() => null);
    if (!live) return;
    this.evicted.add(live);
    live.destroy();
  }

  /** Evicts every loaded document whose name matches (a deleted workshop's). */
  async evictWhere(match: (name: string) => boolean): Promise<void> {
    for (const name of [...this.docs.keys()]) if (match(name)) await this.evict(name);
  }

  get loadedCount(): number {
    return this.docs.size;
  }

  /** Stores a snapshot of every loaded document; used at shutdown. */
  private closed = false;

  async flushAll(): Promise<void> {
    this.closed = true;
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const docs = await Promise.allSettled([...this.docs.values()]);
    for (const d of docs) if (d.status === 'fulfilled') await d.value.snapshot();
    await this.lease.close();
  }
}

const workshopOf = (docName: string): string => {
  const slash = docName.indexOf('/');
  return slash < 0 ? docName : docName.slice(0, slash);
};
