import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PostgresStorage } from '../storage/PostgresStorage';
import type { Storage } from '../storage/Storage';

/** What is kept beside each photo: its type and size, who sent it (erasure finds a person's photos by it), when. */
export interface UploadMeta {
  uploadId: string;
  mime: string;
  size: number;
  /** The participant id, or the staff role, that uploaded it. */
  by: string;
  /** The uploader's cooperation when it was sent (who else may fetch it); null for staff, absent in older uploads. */
  groupId?: string | null;
  at: number;
}

/**
 * Where photos live. With SQLite (one instance): files in `DATA_DIR/uploads/<workshopId>/` (the photo and its
 * `<id>.json`). With PostgreSQL (DATABASE_URL, many instances): the `uploads` table, so every instance serves every
 * photo, also while the one that took it is down.
 */
export interface UploadStore {
  /** Whether free space in DATA_DIR limits uploads (files); a database's room is the database's to manage. */
  readonly onDisk: boolean;
  put(workshopId: string, meta: UploadMeta, data: Buffer): Promise<void>;
  get(workshopId: string, uploadId: string): Promise<{ meta: UploadMeta; data: Buffer } | null>;
  /** Bytes the workshop's photos take together (its quota). */
  usedBytes(workshopId: string): Promise<number>;
  /** Deletes the photos one participant sent (erasure). */
  eraseBy(workshopId: string, by: string): Promise<void>;
  /** Deletes every photo of a workshop (the workshop is deleted). */
  deleteWorkshop(workshopId: string): Promise<void>;
}

/** A workshop's folder of photos under DATA_DIR (its id reduced to safe characters). */
export const uploadsDir = (dataDir: string, workshopId: string): string =>
  path.join(dataDir, 'uploads', workshopId.replace(/[^A-Za-z0-9_-]/g, ''));

class FileUploadStore implements UploadStore {
  readonly onDisk = true;
  constructor(private readonly dataDir: string) {}

  async put(workshopId: string, meta: UploadMeta, data: Buffer): Promise<void> {
    const dir = uploadsDir(this.dataDir, workshopId);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, meta.uploadId), data);
    await writeFile(path.join(dir, `${meta.uploadId}.json`), JSON.stringify(meta));
  }

  async get(workshopId: string, uploadId: string): Promise<{ meta: UploadMeta; data: Buffer } | null> {
    const file = path.join(uploadsDir(this.dataDir, workshopId), uploadId);
    const meta = await readFile(`${file}.json`, 'utf8').catch(() => null);
    if (!meta) return null;
    const data = await readFile(file).catch(() => null);
    return data ? { meta: JSON.parse(meta) as UploadMeta, data } : null;
  }

  async usedBytes(workshopId: string): Promise<number> {
    const dir = uploadsDir(this.dataDir, workshopId);
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

  async eraseBy(workshopId: string, by: string): Promise<void> {
    const dir = uploadsDir(this.dataDir, workshopId);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const meta = await readFile(path.join(dir, name), 'utf8').catch(() => '{}');
      if ((JSON.parse(meta) as { by?: string }).by !== by) continue;
      await rm(path.join(dir, name.slice(0, -'.json'.length)), { force: true });
      await rm(path.join(dir, name), { force: true });
    }
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await rm(uploadsDir(this.dataDir, workshopId), { recursive: true, force: true });
  }
}

class PostgresUploadStore implements UploadStore {
  readonly onDisk = false;
  constructor(private readonly db: PostgresStorage) {}
  put(workshopId: string, meta: UploadMeta, data: Buffer) {
    return this.db.putUpload(workshopId, meta, data);
  }
  get(workshopId: string, uploadId: string) {
    return this.db.getUpload(workshopId, uploadId);
  }
  usedBytes(workshopId: string) {
    return this.db.uploadBytes(workshopId);
  }
  async eraseBy(workshopId: string, by: string) {
    await this.db.deleteUploadsBy(workshopId, by);
  }
  deleteWorkshop(): Promise<void> {
    // PostgresStorage.deleteWorkshop deleted them, in the same transaction as the workshop's other rows.
    return Promise.resolve();
  }
}

/** Photos as files in DATA_DIR (what `uploadStoreFor` gives for SQLite; the export process reads them so too). */
export const fileUploadStore = (dataDir: string): UploadStore => new FileUploadStore(dataDir);

/** The photo store that goes with the storage: PostgreSQL's table, or files in DATA_DIR. */
export function uploadStoreFor(storage: Storage, dataDir: string): UploadStore {
  return storage instanceof PostgresStorage ? new PostgresUploadStore(storage) : new FileUploadStore(dataDir);
}
