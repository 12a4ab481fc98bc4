import type { ChildProcess } from 'node:child_process';

/**
 * Steps the export process aside for the room (server/export/runner.ts). While it works, every write a phone sends
 * pauses it (SIGSTOP) until `YIELD_MS` after the last one (SIGCONT). A write then finds both cores free of the export
 * on its way through the server and to every screen and phone: SCHED_IDLE alone leaves the export on the other core,
 * where its memory traffic still slowed the room (docs/PERFORMANCE.md). The same while it writes a body on a socket
 * handed to it.
 *
 * Pausing never holds an export for good: within each second the process is paused for at most `YIELD_SHARE` of it,
 * so a room that never stops writing makes exports slower, not impossible. A paused process still dies of SIGKILL
 * (the runner's timeout); a server that exits resumes it (the runner), so it sees the server gone and ends, and a
 * server killed outright leaves it in an orphaned process group, which the kernel sends SIGHUP and SIGCONT.
 */
export const YIELD_MS = 25;
export const YIELD_SHARE = 0.75;

export class PauseForRoom {
  /** Paused since `at` (performance.now()) until `until`, or null while the process runs. */
  private stopped: { at: number; until: number; timer: NodeJS.Timeout } | null = null;
  /** The second the share is counted in, and how much of it the process was paused. */
  private shareFrom = 0;
  private shareUsed = 0;
  private pauses = 0;

  /** `process`: the export process now, if any; `working`: whether it has work the room may wait for. */
  constructor(
    private readonly process: () => ChildProcess | null,
    private readonly working: () => boolean,
  ) {}

  /** Pauses so far, and whether the process is paused now (tests, metrics). */
  state(): { pauses: number; paused: boolean } {
    return { pauses: this.pauses, paused: this.stopped !== null };
  }

  /** A writer sent a document message: pause the process for a moment if it works. */
  roomWrote(): void {
    const c = this.process();
    if (!c || !this.working()) return;
    const now = performance.now();
    this.countShare(now);
    // What may still be paused of this second.
    const allowed = YIELD_SHARE * 1000 - this.shareUsed - (this.stopped ? now - this.stopped.at : 0);
    if (allowed <= 0) return;
    const until = now + Math.min(YIELD_MS, allowed);
    if (this.stopped) {
      this.stopped.until = Math.max(this.stopped.until, until);
      return;
    }
    if (!c.kill('SIGSTOP')) return;
    this.pauses++;
    this.stopped = { at: now, until, timer: setTimeout(() => this.onTimer(), until - now) };
  }

  /** Lets the process go on now. */
  resume(): void {
    const s = this.stopped;
    if (!s) return;
    const now = performance.now();
    clearTimeout(s.timer);
    this.countShare(now);
    this.shareUsed += now - s.at;
    this.stopped = null;
    this.process()?.kill('SIGCONT');
  }

  /** The process is gone: nothing left to resume. */
  forget(): void {
    if (this.stopped) clearTimeout(this.stopped.timer);
    this.stopped = null;
  }

  private onTimer(): void {
    const s = this.stopped;
    if (!s) return;
    const left = s.until - performance.now();
    if (left > 1) s.timer = setTimeout(() => this.onTimer(), left);
    else this.resume();
  }

  private countShare(now: number): void {
    if (now - this.shareFrom >= 1000) {
      this.shareFrom = now;
      this.shareUsed = 0;
    }
  }
}
