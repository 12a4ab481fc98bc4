import { PgAdvisoryLease, soleInstance, type WorkshopLease } from '../scale/WorkshopLease';
import { PostgresStorage } from './PostgresStorage';
import { SqliteStorage } from './SqliteStorage';
import type { Storage } from './Storage';

/**
 * The storage the environment asks for: PostgreSQL with workshop leases when DATABASE_URL is set (many instances on
 * one database), else the embedded SQLite file in DATA_DIR (one instance).
 */
export async function openStorage(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<{ storage: Storage; lease: WorkshopLease; describe: string }> {
  if (!opts.databaseUrl) {
    return { storage: new SqliteStorage(opts.dataDir), lease: soleInstance, describe: `SQLite in ${opts.dataDir}` };
  }
  const storage = await PostgresStorage.connect(opts.databaseUrl);
  const lease = await PgAdvisoryLease.connect(opts.databaseUrl);
  return { storage, lease, describe: `PostgreSQL at ${new URL(opts.databaseUrl).host}` };
}
