import { readdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../../shared/limits';
import { ERROR_CODES } from '../../shared/protocol';
import { AppError } from '../errors';

/** A 507 whose body says it in Dutch and English: `{error:{code:'storage_full', message, messageNl}}`. */
export class StorageFullError extends AppError {
  constructor(
    message: string,
    readonly messageNl: string,
  ) {
    super(ERROR_CODES.storageFull, message);
  }

  override toJSON() {
    return { error: { code: this.code, message: this.message, messageNl: this.messageNl } };
  }
}

/** The free-space floor of DATA_DIR in bytes: env MIN_FREE_BYTES, else LIMITS.freeSpaceFloorBytes. */
export function freeSpaceFloor(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MIN_FREE_BYTES);
  return env.MIN_FREE_BYTES !== undefined && Number.isFinite(n) && n >= 0 ? n : LIMITS.freeSpaceFloorBytes;
}

/** Bytes the files directly in `dir` take (a workshop's uploads); 0 when it does not exist yet. */
async function usedBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(
    names.map((n) =>
      stat(path.join(dir, n)).then(
        (s) => (s.isFile() ? s.size : 0),
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Refuses an upload of `size` bytes before anything is written: when DATA_DIR's free space would fall below the
 * floor (the update log needs that room more than photos do), or when the workshop's uploads would pass their quota.
 * Nothing stored earlier is touched. Throws StorageFullError (HTTP 507).
 */
export async function checkUploadRoom(opts: {
  dataDir: string;
  /** The workshop's folder of photos (files); or `used`, what its photos take (a database's). */
  workshopDir?: string;
  used?: number;
  size: number;
  floor?: number;
  quota?: number;
  /** False when photos do not go to DATA_DIR (PostgreSQL): its free space is then not theirs to use up. */
  onDisk?: boolean;
}): Promise<void> {
  const floor = opts.floor ?? freeSpaceFloor();
  const quota = opts.quota ?? LIMITS.uploadsPerWorkshopBytes;
  const fs = opts.onDisk === false ? null : await statfs(opts.dataDir);
  const free = fs ? fs.bavail * fs.bsize : Infinity;
  if (free - opts.size < floor) {
    throw new StorageFullError(
      'The server is running out of storage space, so it cannot take this photo now. What was saved before is safe.',
      'De server heeft bijna geen opslagruimte meer en kan deze foto nu niet bewaren. Wat eerder bewaard is, blijft veilig.',
    );
  }
  const used = opts.used ?? (opts.workshopDir ? await usedBytes(opts.workshopDir) : 0);
  if (used + opts.size > quota) {
    throw new StorageFullError(
      'This workshop has used up its space for photos. What was saved before is safe.',
      'Deze werkplaats heeft zijn ruimte voor foto’s opgebruikt. Wat eerder bewaard is, blijft veilig.',
    );
  }
}
