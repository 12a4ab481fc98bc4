import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real 8 MB tmpfs for DATA_DIR (mounting needs root, as in CI), with the uploads' free-space floor
 * (`MIN_FREE_BYTES`) scaled to it. `fill()` fills it to the last byte with one file: SQLite's writes then fail with
 * SQLITE_FULL, as on a full disk; removing the file frees the space. `release()` restores the floor, unmounts and
 * removes the folder.
 */
export function smallDisk(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
  const floorBefore = process.env.MIN_FREE_BYTES;
  process.env.MIN_FREE_BYTES = String(1024 * 1024);
  return {
    dir,
    /** Fills the disk; the filler file's path and the error that stopped the large writes (ENOSPC). */
    fill(): { filler: string; code: string | undefined } {
      const filler = path.join(dir, 'filler');
      const fd = openSync(filler, 'w');
      let code: string | undefined;
      try {
        for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1));
      } catch (err) {
        code = (err as NodeJS.ErrnoException).code;
      }
      try {
        for (;;) writeSync(fd, Buffer.alloc(512, 1));
      } catch {
        // full to the last block
      }
      closeSync(fd);
      return { filler, code };
    },
    release(): void {
      if (floorBefore === undefined) delete process.env.MIN_FREE_BYTES;
      else process.env.MIN_FREE_BYTES = floorBefore;
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
