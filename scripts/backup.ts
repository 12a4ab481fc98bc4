import Database from 'better-sqlite3';
import { cpSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run backup -- FILE`: a consistent copy of the SQLite database in DATA_DIR, taken while the server runs, with
 * SQLite's online backup API (better-sqlite3's `db.backup()`). The copy is taken in one step inside one read
 * transaction, so it is the database as it was at one moment: every update stored before that moment, none half. The
 * server keeps writing meanwhile (WAL mode: a reader never blocks the writer). Photos (DATA_DIR/uploads) are copied
 * after the database, into FILE.uploads/, so every photo the copied database refers to is there.
 *
 * Restore (docs/OPERATIONS.md): stop the server, copy FILE to DATA_DIR/werkplaats.sqlite, delete
 * werkplaats.sqlite-wal and werkplaats.sqlite-shm there, copy FILE.uploads/ to DATA_DIR/uploads/, start.
 * With DATABASE_URL (PostgreSQL), use pg_dump instead.
 */
export async function backup(
  dataDir: string,
  target: string,
): Promise<{ bytes: number; workshops: number; uploads: boolean }> {
  const source = path.join(dataDir, 'werkplaats.sqlite');
  if (!existsSync(source)) throw new Error(`no database at ${source} (is DATA_DIR right?)`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file (a backup never overwrites)`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // Read-only: the backup never writes to the server's database.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All remaining pages in one step: one read transaction, so a consistent copy however busy the server is.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  let workshops: number;
  try {
    // One self-contained file (no -wal next to it), checked before it is called a backup.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy fails SQLite's integrity check: ${String(check)}`);
    workshops = (copy.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  const uploads = path.join(dataDir, 'uploads');
  const hasUploads = existsSync(uploads);
  if (hasUploads) cpSync(uploads, `${target}.uploads`, { recursive: true });
  return { bytes: statSync(target).size, workshops, uploads: hasUploads };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run backup -- FILE   (DATA_DIR as for the server; default ./data)');
    process.exit(2);
  }
  if (process.env.DATABASE_URL) {
    console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/OPERATIONS.md, "Backup and restore").');
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
  try {
    const r = await backup(dataDir, path.resolve(target));
    console.log(
      `Backup of ${dataDir} written to ${path.resolve(target)}: ${r.bytes} bytes, ${r.workshops} workshop(s)` +
        (r.uploads ? `; photos in ${path.resolve(target)}.uploads/` : ''),
    );
  } catch (err) {
    console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
