import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';

type Waiter = { resolve: () => void; reject: (err: unknown) => void };

/**
 * Makes SQLite's committed WAL frames durable off the event loop.
 *
 * SQLite with `synchronous = FULL` fsyncs the WAL inside every commit, which blocks Node's only thread for the
 * length of a disk flush. Instead the database runs with `synchronous = NORMAL` (commits write the WAL but do not
 * flush it; checkpoints still flush) and this class flushes the WAL file with `fdatasync` on libuv's thread pool.
 * A write counts as stored only once a flush that started after its commit has finished, so what a caller is told
 * is durable is exactly as durable as with FULL.
 */
export class WalFlusher {
  private fd: number | null = null;
  /** Flushes in flight, each with the writes it will confirm. */
  private readonly inFlight = new Set<Waiter[]>();
  /** Writes committed while `concurrency` flushes were in flight: they need the next one. */
  private waiting: Waiter[] = [];

  /**
   * `concurrency`: flushes in flight at once. A write committed while one is in flight starts its own rather than
   * waiting for that one to end and then a whole flush more; the disk serves them together.
   */
  constructor(
    private readonly walPath: string,
    private readonly concurrency = 3,
  ) {}

  /** Resolves once everything committed before this call is on disk. */
  flushed(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.inFlight.size < this.concurrency) this.start();
    });
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = [];
    let fd: number;
    try {
      fd = this.open();
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    this.inFlight.add(batch);
    fdatasync(fd, (err) => {
      // closeSync() settled this batch itself already.
      if (!this.inFlight.delete(batch)) return;
      for (const w of batch) {
        if (err) w.reject(err);
        else w.resolve();
      }
      if (this.waiting.length > 0) this.start();
    });
  }

  // Opened on first use: SQLite creates the WAL with the first write. The directory is flushed once, so the new
  // file's entry survives a power cut too. The WAL keeps its inode until the database closes (checkpoints reuse or
  // truncate it, never replace it), so one descriptor serves the whole life of the connection.
  private open(): number {
    if (this.fd !== null) return this.fd;
    this.fd = openSync(this.walPath, 'r');
    const dir = openSync(path.dirname(this.walPath), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return this.fd;
  }

  /** Flushes what is left, on the spot, and lets go of the file; for closing the database. */
  closeSync(): void {
    const batch = [...[...this.inFlight].flat(), ...this.waiting];
    this.inFlight.clear();
    this.waiting = [];
    try {
      if (batch.length > 0) fdatasyncSync(this.open());
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
