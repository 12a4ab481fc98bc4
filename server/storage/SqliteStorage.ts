import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_FORMAT, snapshotAsV2 } from './snapshotFormat';
import {
  WorkshopDeleted,
  workshopOfDoc,
  type LoggedUpdate,
  type Storage,
  type StoredDoc,
  type TokenRecord,
  type WorkshopRecord,
} from './Storage';
import { hashToken, SQLITE_MIGRATIONS } from './schema';
import { WalFlusher } from './WalFlusher';
import { log } from '../logging';

interface WorkshopRow {
  id: string;
  title: string;
  join_code: string;
  created_at: number;
  facilitator_token: string;
  screen_token: string;
  researcher_token: string;
}

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  title: r.title,
  joinCode: r.join_code,
  createdAt: r.created_at,
  tokens: { facilitator: r.facilitator_token, screen: r.screen_token, researcher: r.researcher_token },
});

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

interface PendingWrite {
  run: () => unknown;
  resolve: (result: never) => void;
  reject: (err: unknown) => void;
}

/** The embedded default: one SQLite file in DATA_DIR, in WAL mode. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly stmts;
  // Group commit: writes queued in one turn of the event loop share one transaction, so one fsync.
  private pending: PendingWrite[] = [];
  private readonly wal: WalFlusher;
  /** The database file (the export worker opens it read-only, server/export/worker.ts). */
  readonly file: string;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'werkplaats.sqlite');
    this.file = file;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // perf: commits do not flush the WAL themselves (that would block the event loop for a disk flush); the
    // WalFlusher does, on libuv's thread pool, and no write is reported stored before its flush is done. So every
    // stored write is as durable as with synchronous = FULL.
    this.db.pragma('synchronous = NORMAL');
    this.wal = new WalFlusher(`${file}-wal`);
    this.db.pragma('foreign_keys = ON');
    // Erased and deleted data must not linger in free pages of the file.
    this.db.pragma('secure_delete = ON');
    this.migrate();
    this.stmts = {
      append: this.db.prepare('INSERT INTO updates (doc, ts, actor, data) VALUES (?, ?, ?, ?)'),
      snapshot: this.db.prepare('SELECT up_to_seq, format, data FROM snapshots WHERE doc = ?'),
      updatesAfter: this.db.prepare('SELECT seq, ts, actor, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq'),
      saveSnapshot: this.db.prepare(
        `INSERT INTO snapshots (doc, up_to_seq, ts, data, format) VALUES (?, ?, ?, ?, ${SNAPSHOT_FORMAT.v2})
         ON CONFLICT (doc) DO UPDATE SET up_to_seq = excluded.up_to_seq, ts = excluded.ts, data = excluded.data,
           format = excluded.format`,
      ),
      insertWorkshop: this.db.prepare(
        `INSERT INTO workshops (id, title, join_code, created_at, facilitator_token, screen_token, researcher_token)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      workshopById: this.db.prepare('SELECT * FROM workshops WHERE id = ?'),
      workshopByCode: this.db.prepare('SELECT * FROM workshops WHERE join_code = ?'),
      insertToken: this.db.prepare(
        'INSERT INTO tokens (token_hash, workshop_id, role, participant_id) VALUES (?, ?, ?, ?)',
      ),
      token: this.db.prepare('SELECT workshop_id, role, participant_id FROM tokens WHERE token_hash = ?'),
      claim: this.db.prepare('INSERT OR IGNORE INTO client_claims (doc, client_id, owner) VALUES (?, ?, ?)'),
      claimOwner: this.db.prepare('SELECT owner FROM client_claims WHERE doc = ? AND client_id = ?'),
      claims: this.db.prepare('SELECT client_id, owner FROM client_claims WHERE doc = ?'),
      deleted: this.db.prepare('SELECT 1 FROM deleted_workshops WHERE id = ?'),
      tombstone: this.db.prepare('INSERT OR IGNORE INTO deleted_workshops (id, deleted_at) VALUES (?, ?)'),
      deleteRoleTokens: this.db.prepare('DELETE FROM tokens WHERE workshop_id = ? AND role = ?'),
      deleteParticipantTokens: this.db.prepare(
        "DELETE FROM tokens WHERE workshop_id = ? AND role = 'participant' AND participant_id = ?",
      ),
    };
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < SQLITE_MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(SQLITE_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Queues a write for the next group commit; resolves once it is durable. */
  private enqueue<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (result: never) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    const batch = this.pending;
    this.pending = [];
    // close() commits what is queued itself; the turn it had scheduled then finds nothing (and a closed database).
    if (batch.length === 0) return;
    let results: unknown[];
    try {
      if (!this.db.open) throw new Error('storage is closed');
      results = this.db.transaction(() => batch.map((w) => w.run()))();
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    this.wal.flushed().then(
      () => batch.forEach((w, i) => w.resolve(results[i] as never)),
      (err: unknown) => {
        log.error({ err }, 'storage: could not flush the write-ahead log');
        for (const w of batch) w.reject(err);
      },
    );
  }

  /** Runs one transaction now and resolves once it is on disk (writes outside the group commit). */
  private async durably<T>(run: () => T): Promise<T> {
    const result = this.db.transaction(run)();
    await this.wal.flushed();
    return result;
  }

  /** Whether a document's workshop has a tombstone; checked inside each write, so no write follows a delete. */
  private deletedDoc(doc: string): boolean {
    const workshopId = workshopOfDoc(doc);
    // perf: read once per workshop. SQLite's instance is the only one on its file (`soleInstance`, openStorage.ts) and
    // tombstones are written only by deleteWorkshop below, which takes its workshop out of this set in the same turn:
    // a workshop found here has no tombstone.
    if (this.notDeleted.has(workshopId)) return false;
    const deleted = this.stmts.deleted.get(workshopId) !== undefined;
    if (!deleted) this.notDeleted.add(workshopId);
    return deleted;
  }

  /** Workshops read as having no tombstone (see deletedDoc). */
  private readonly notDeleted = new Set<string>();

  async appendUpdate(doc: string, data: Uint8Array, actor: string, ts: number): Promise<number> {
    const bytes = Buffer.from(data);
    const seq = await this.enqueue(() =>
      this.deletedDoc(doc) ? -1 : Number(this.stmts.append.run(doc, ts, actor, bytes).lastInsertRowid),
    );
    if (seq < 0) throw new WorkshopDeleted(workshopOfDoc(doc));
    return seq;
  }

  async loadDoc(doc: string): Promise<StoredDoc> {
    const snap = this.stmts.snapshot.get(doc) as { up_to_seq: number; format: number; data: Buffer } | undefined;
    const snapshotSeq = snap?.up_to_seq ?? 0;
    return {
      snapshot: snap ? snapshotAsV2(toBytes(snap.data), snap.format) : null,
      snapshotSeq,
      updates: await this.readLog(doc, snapshotSeq),
    };
  }

  async readLog(doc: string, afterSeq = 0): Promise<LoggedUpdate[]> {
    const rows = this.stmts.updatesAfter.all(doc, afterSeq) as Array<{
      seq: number;
      ts: number;
      actor: string;
      data: Buffer;
    }>;
    return rows.map((r) => ({ seq: r.seq, ts: r.ts, actor: r.actor, data: toBytes(r.data) }));
  }

  async saveSnapshot(doc: string, state: Uint8Array, upToSeq: number): Promise<void> {
    const bytes = Buffer.from(state);
    const ts = Date.now();
    await this.enqueue(() => (this.deletedDoc(doc) ? 0 : this.stmts.saveSnapshot.run(doc, upToSeq, ts, bytes).changes));
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    const t = w.tokens;
    await this.durably(() => {
      this.stmts.insertWorkshop.run(w.id, w.title, w.joinCode, w.createdAt, t.facilitator, t.screen, t.researcher);
      for (const role of ['facilitator', 'screen', 'researcher'] as const) {
        this.stmts.insertToken.run(hashToken(t[role]), w.id, role, null);
      }
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const r = this.stmts.workshopById.get(id) as WorkshopRow | undefined;
    return r ? toWorkshop(r) : null;
  }

  async setWorkshopTitle(id: string, title: string): Promise<void> {
    await this.durably(() => this.db.prepare('UPDATE workshops SET title = ? WHERE id = ?').run(title, id));
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    const rows = this.db.prepare('SELECT * FROM workshops ORDER BY created_at DESC').all() as WorkshopRow[];
    return rows.map(toWorkshop);
  }

  async findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | null> {
    const r = this.stmts.workshopByCode.get(code) as WorkshopRow | undefined;
    return r ? toWorkshop(r) : null;
  }

  async addToken(token: string, rec: TokenRecord): Promise<void> {
    const hash = hashToken(token);
    await this.enqueue(
      () => this.stmts.insertToken.run(hash, rec.workshopId, rec.role, rec.participantId ?? null).changes,
    );
  }

  async findToken(token: string): Promise<TokenRecord | null> {
    const r = this.stmts.token.get(hashToken(token)) as
      { workshop_id: string; role: TokenRecord['role']; participant_id: string | null } | undefined;
    if (!r) return null;
    return {
      workshopId: r.workshop_id,
      role: r.role,
      ...(r.participant_id ? { participantId: r.participant_id } : {}),
    };
  }

  async claimClient(doc: string, clientId: number, owner: string): Promise<string> {
    // perf: in the group commit, so a room of phones writing for the first time shares one commit and one flush.
    // A deleted workshop's claim is refused outside the batch's transaction, so the other writes in it still commit.
    const onRecord = await this.enqueue(() => {
      if (this.deletedDoc(doc)) return null;
      this.stmts.claim.run(doc, clientId, owner);
      return (this.stmts.claimOwner.get(doc, clientId) as { owner: string }).owner;
    });
    if (onRecord === null) throw new WorkshopDeleted(workshopOfDoc(doc));
    return onRecord;
  }

  async loadClaims(doc: string): Promise<Map<number, string>> {
    const rows = this.stmts.claims.all(doc) as Array<{ client_id: number; owner: string }>;
    return new Map(rows.map((r) => [r.client_id, r.owner]));
  }

  async rotateStaffTokens(workshopId: string, tokens: Partial<WorkshopRecord['tokens']>): Promise<void> {
    await this.durably(() => {
      for (const role of ['facilitator', 'screen', 'researcher'] as const) {
        const token = tokens[role];
        if (!token) continue;
        this.stmts.deleteRoleTokens.run(workshopId, role);
        this.stmts.insertToken.run(hashToken(token), workshopId, role, null);
        // Column names come from the fixed list above, never from input.
        this.db.prepare(`UPDATE workshops SET ${role}_token = ? WHERE id = ?`).run(token, workshopId);
      }
    });
  }

  async revokeParticipant(workshopId: string, participantId: string): Promise<number> {
    return this.durably(() => this.stmts.deleteParticipantTokens.run(workshopId, participantId).changes);
  }

  async mergeParticipant(workshopId: string, from: string, into: string, docs: string[]): Promise<void> {
    await this.durably(() => {
      this.db
        .prepare(
          "UPDATE tokens SET participant_id = ? WHERE workshop_id = ? AND role = 'participant' AND participant_id = ?",
        )
        .run(into, workshopId, from);
      const claims = this.db.prepare('UPDATE client_claims SET owner = ? WHERE doc = ? AND owner = ?');
      for (const doc of docs) claims.run(`participant:${into}`, doc, `participant:${from}`);
    });
  }

  async replaceLog(doc: string, entries: LoggedUpdate[], snapshot: Uint8Array | null): Promise<void> {
    await this.durably(() => {
      // Entries appended after the rewritten ones were read (a command meanwhile) stay.
      const upTo = entries.at(-1)?.seq ?? Number.MAX_SAFE_INTEGER;
      this.db.prepare('DELETE FROM updates WHERE doc = ? AND seq <= ?').run(doc, upTo);
      this.db.prepare('DELETE FROM snapshots WHERE doc = ?').run(doc);
      const insert = this.db.prepare('INSERT INTO updates (seq, doc, ts, actor, data) VALUES (?, ?, ?, ?, ?)');
      for (const e of entries) insert.run(e.seq, doc, e.ts, e.actor, Buffer.from(e.data));
      const last = entries.at(-1);
      if (snapshot && last) this.stmts.saveSnapshot.run(doc, last.seq, Date.now(), Buffer.from(snapshot));
    });
    this.purgeWal();
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    const prefix = `${workshopId.replace(/[%_\\]/g, '\\$&')}/%`;
    await this.durably(() => {
      this.notDeleted.delete(workshopId);
      for (const table of ['updates', 'snapshots', 'client_claims']) {
        this.db.prepare(`DELETE FROM ${table} WHERE doc LIKE ? ESCAPE '\\'`).run(prefix);
      }
      this.db.prepare('DELETE FROM tokens WHERE workshop_id = ?').run(workshopId);
      this.db.prepare('DELETE FROM workshops WHERE id = ?').run(workshopId);
      this.stmts.tombstone.run(workshopId, Date.now());
    });
    this.purgeWal();
  }

  async isWorkshopDeleted(workshopId: string): Promise<boolean> {
    return this.stmts.deleted.get(workshopId) !== undefined;
  }

  // The WAL still holds the old pages until a checkpoint; truncating it leaves no copy there.
  private purgeWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.commit();
    this.wal.closeSync();
    this.db.close();
  }
}
