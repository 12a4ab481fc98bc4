import { createHash } from 'node:crypto';

/*
 * The storage schema, one list of migrations per engine, side by side so they stay the same tables: the update log,
 * snapshots, workshops, tokens, client claims and the tombstones of deleted workshops. A migration is appended, never edited.
 */

/** Tokens are looked up by hash, so a copy of the database does not hand out participants' access. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** SQLite's migrations, in order; `PRAGMA user_version` says how many have run. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     ts INTEGER NOT NULL,
     actor TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_doc_seq ON updates (doc, seq);
   CREATE TABLE snapshots (
     doc TEXT PRIMARY KEY,
     up_to_seq INTEGER NOT NULL,
     ts INTEGER NOT NULL,
     data BLOB NOT NULL
   );
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     facilitator_token TEXT NOT NULL,
     screen_token TEXT NOT NULL,
     researcher_token TEXT NOT NULL
   );
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops (id),
     role TEXT NOT NULL,
     participant_id TEXT
   );`,
  // v2: which person each Yjs client id writes for, per document (own-content enforcement).
  `CREATE TABLE client_claims (
     doc TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     owner TEXT NOT NULL,
     PRIMARY KEY (doc, client_id)
   ) WITHOUT ROWID;`,
  // v3: snapshots say their Yjs update format (2 from now on; older rows are 1).
  `ALTER TABLE snapshots ADD COLUMN format INTEGER NOT NULL DEFAULT 1;`,
  // v4: tombstones of deleted workshops: nothing is stored for them again, no connection is served (docs/SECURITY.md).
  `CREATE TABLE deleted_workshops (
     id TEXT PRIMARY KEY,
     deleted_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
];

/** Migrations, in order; the same tables as SQLite's (BIGINT for times and sequence numbers, BYTEA for updates). */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     seq BIGSERIAL PRIMARY KEY,
     doc TEXT NOT NULL,
     ts BIGINT NOT NULL,
     actor TEXT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX updates_doc_seq ON updates (doc, seq);
   CREATE TABLE snapshots (
     doc TEXT PRIMARY KEY,
     up_to_seq BIGINT NOT NULL,
     ts BIGINT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     created_at BIGINT NOT NULL,
     facilitator_token TEXT NOT NULL,
     screen_token TEXT NOT NULL,
     researcher_token TEXT NOT NULL
   );
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops (id),
     role TEXT NOT NULL,
     participant_id TEXT
   );`,
  // v2: which person each Yjs client id writes for, per document (own-content enforcement).
  `CREATE TABLE client_claims (
     doc TEXT NOT NULL,
     client_id BIGINT NOT NULL,
     owner TEXT NOT NULL,
     PRIMARY KEY (doc, client_id)
   );`,
  // v3: snapshots say their Yjs update format (2 from now on; older rows are 1).
  `ALTER TABLE snapshots ADD COLUMN format SMALLINT NOT NULL DEFAULT 1;`,
  // v4: tombstones of deleted workshops: nothing is stored for them again, no connection is served (docs/SECURITY.md).
  `CREATE TABLE deleted_workshops (
     id TEXT PRIMARY KEY,
     deleted_at BIGINT NOT NULL
   );`,
  // v5: photos (the vision's drawings, the pitch photos) live in the database, so every instance serves every one
  // (server/uploads/store.ts); with SQLite they are files in DATA_DIR/uploads.
  `CREATE TABLE uploads (
     workshop_id TEXT NOT NULL,
     upload_id TEXT NOT NULL,
     mime TEXT NOT NULL,
     size INTEGER NOT NULL,
     uploaded_by TEXT NOT NULL,
     group_id TEXT,
     uploaded_at BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (workshop_id, upload_id)
   );`,
];
