import pg from 'pg';
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
import { hashToken, POSTGRES_MIGRATIONS } from './schema';
import { log } from '../logging';
import type { UploadMeta } from '../uploads/store';

// Any constant: serialises migrations when several instances start at once.
const MIGRATION_LOCK = 7_240_001;

interface WorkshopRow {
  id: string;
  title: string;
  join_code: string;
  created_at: string;
  facilitator_token: string;
  screen_token: string;
  researcher_token: string;
}

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  title: r.title,
  joinCode: r.join_code,
  createdAt: Number(r.created_at),
  tokens: { facilitator: r.facilitator_token, screen: r.screen_token, researcher: r.researcher_token },
});

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

interface PendingAppend {
  doc: string;
  data: Buffer;
  actor: string;
  ts: number;
  resolve: (seq: number) => void;
  reject: (err: unknown) => void;
}

/** Storage in PostgreSQL (`DATABASE_URL`), for running many instances on one database. */
export class PostgresStorage implements Storage {
  // Group commit: appends queued in one turn of the event loop go to the database as one INSERT.
  private pending: PendingAppend[] = [];

  private constructor(readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date. */
  static async connect(url: string, poolSize = 10): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    pool.on('error', (err) => log.error({ err }, 'postgres: idle client error'));
    const s = new PostgresStorage(pool);
    await s.migrate();
    return s;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const r = await c.query<{ version: number }>('SELECT version FROM schema_version');
      let v = r.rows[0]?.version ?? 0;
      if (r.rows.length === 0) await c.query('INSERT INTO schema_version (version) VALUES (0)');
      for (; v < POSTGRES_MIGRATIONS.length; v++) {
        await c.query(POSTGRES_MIGRATIONS[v]!);
        await c.query('UPDATE schema_version SET version = $1', [v + 1]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  }

  appendUpdate(doc: string, data: Uint8Array, actor: string, ts: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, data: Buffer.from(data), actor, ts, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flushAppends());
    });
  }

  private async flushAppends(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      // A deleted workshop's rows are left out in the same statement (its tombstone is checked by the database, so no
      // instance can store anything after a delete, whatever it still has loaded; see deleteWorkshop for the race).
      const r = await this.pool.query<{ seq: string; doc: string }>(
        `INSERT INTO updates (doc, ts, actor, data)
         SELECT doc, ts, actor, data FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bytea[])
           WITH ORDINALITY AS u(doc, ts, actor, data, n)
         WHERE NOT EXISTS (SELECT 1 FROM deleted_workshops d WHERE d.id = split_part(u.doc, '/', 1))
         ORDER BY n
         RETURNING seq, doc`,
        [batch.map((b) => b.doc), batch.map((b) => b.ts), batch.map((b) => b.actor), batch.map((b) => b.data)],
      );
      // Every row of a live workshop is stored, none of a deleted one: the workshops seen in the answer are the live.
      const live = new Set(r.rows.map((row) => workshopOfDoc(row.doc)));
      const kept = batch.filter((b) => live.has(workshopOfDoc(b.doc)));
      // Rows take sequence numbers in the order given, so the i-th smallest belongs to the i-th kept append.
      const seqs = r.rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
      kept.forEach((b, i) => b.resolve(seqs[i]!));
      for (const b of batch) if (!live.has(workshopOfDoc(b.doc))) b.reject(new WorkshopDeleted(workshopOfDoc(b.doc)));
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }

  async loadDoc(doc: string): Promise<StoredDoc> {
    const snap = await this.pool.query<{ up_to_seq: string; format: number; data: Buffer }>(
      'SELECT up_to_seq, format, data FROM snapshots WHERE doc = $1',
      [doc],
    );
    const row = snap.rows[0];
    const snapshotSeq = row ? Number(row.up_to_seq) : 0;
    return {
      snapshot: row ? snapshotAsV2(toBytes(row.data), row.format) : null,
      snapshotSeq,
      updates: await this.readLog(doc, snapshotSeq),
    };
  }

  async readLog(doc: string, afterSeq = 0): Promise<LoggedUpdate[]> {
    const r = await this.pool.query<{ seq: string; ts: string; actor: string; data: Buffer }>(
      'SELECT seq, ts, actor, data FROM updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
      [doc, afterSeq],
    );
    return r.rows.map((row) => ({
      seq: Number(row.seq),
      ts: Number(row.ts),
      actor: row.actor,
      data: toBytes(row.data),
    }));
  }

  async saveSnapshot(doc: string, state: Uint8Array, upToSeq: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO snapshots (doc, up_to_seq, ts, data, format)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM deleted_workshops WHERE id = $6)
       ON CONFLICT (doc) DO UPDATE SET up_to_seq = excluded.up_to_seq, ts = excluded.ts, data = excluded.data,
         format = excluded.format`,
      [doc, upToSeq, Date.now(), Buffer.from(state), SNAPSHOT_FORMAT.v2, workshopOfDoc(doc)],
    );
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    const t = w.tokens;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO workshops (id, title, join_code, created_at, facilitator_token, screen_token, researcher_token)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [w.id, w.title, w.joinCode, w.createdAt, t.facilitator, t.screen, t.researcher],
      );
      for (const role of ['facilitator', 'screen', 'researcher'] as const) {
        await c.query('INSERT INTO tokens (token_hash, workshop_id, role, participant_id) VALUES ($1, $2, $3, NULL)', [
          hashToken(t[role]),
          w.id,
          role,
        ]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]);
    return r.rows[0] ? toWorkshop(r.rows[0]) : null;
  }

  async setWorkshopTitle(id: string, title: string): Promise<void> {
    await this.pool.query('UPDATE workshops SET title = $1 WHERE id = $2', [title, id]);
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops ORDER BY created_at DESC');
    return r.rows.map(toWorkshop);
  }

  async findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | null> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops WHERE join_code = $1', [code]);
    return r.rows[0] ? toWorkshop(r.rows[0]) : null;
  }

  async addToken(token: string, rec: TokenRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO tokens (token_hash, workshop_id, role, participant_id) VALUES ($1, $2, $3, $4)',
      [hashToken(token), rec.workshopId, rec.role, rec.participantId ?? null],
    );
  }

  async findToken(token: string): Promise<TokenRecord | null> {
    const r = await this.pool.query<{ workshop_id: string; role: TokenRecord['role']; participant_id: string | null }>(
      'SELECT workshop_id, role, participant_id FROM tokens WHERE token_hash = $1',
      [hashToken(token)],
    );
    const row = r.rows[0];
    if (!row) return null;
    return {
      workshopId: row.workshop_id,
      role: row.role,
      ...(row.participant_id ? { participantId: row.participant_id } : {}),
    };
  }

  async claimClient(doc: string, clientId: number, owner: string): Promise<string> {
    // The first claim wins; a later one by someone else reads back the owner on record.
    const ins = await this.pool.query(
      `INSERT INTO client_claims (doc, client_id, owner)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM deleted_workshops WHERE id = $4)
       ON CONFLICT (doc, client_id) DO NOTHING`,
      [doc, clientId, owner, workshopOfDoc(doc)],
    );
    if (ins.rowCount === 0 && (await this.isWorkshopDeleted(workshopOfDoc(doc)))) {
      throw new WorkshopDeleted(workshopOfDoc(doc));
    }
    const r = await this.pool.query<{ owner: string }>(
      'SELECT owner FROM client_claims WHERE doc = $1 AND client_id = $2',
      [doc, clientId],
    );
    return r.rows[0]?.owner ?? owner;
  }

  async loadClaims(doc: string): Promise<Map<number, string>> {
    const r = await this.pool.query<{ client_id: string; owner: string }>(
      'SELECT client_id, owner FROM client_claims WHERE doc = $1',
      [doc],
    );
    return new Map(r.rows.map((row) => [Number(row.client_id), row.owner]));
  }

  async rotateStaffTokens(workshopId: string, tokens: Partial<WorkshopRecord['tokens']>): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const role of ['facilitator', 'screen', 'researcher'] as const) {
        const token = tokens[role];
        if (!token) continue;
        await c.query('DELETE FROM tokens WHERE workshop_id = $1 AND role = $2', [workshopId, role]);
        await c.query('INSERT INTO tokens (token_hash, workshop_id, role, participant_id) VALUES ($1, $2, $3, NULL)', [
          hashToken(token),
          workshopId,
          role,
        ]);
        // Column names come from the fixed list above, never from input.
        await c.query(`UPDATE workshops SET ${role}_token = $1 WHERE id = $2`, [token, workshopId]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  }

  async revokeParticipant(workshopId: string, participantId: string): Promise<number> {
    const r = await this.pool.query(
      "DELETE FROM tokens WHERE workshop_id = $1 AND role = 'participant' AND participant_id = $2",
      [workshopId, participantId],
    );
    return r.rowCount ?? 0;
  }

  async mergeParticipant(workshopId: string, from: string, into: string, docs: string[]): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        "UPDATE tokens SET participant_id = $1 WHERE workshop_id = $2 AND role = 'participant' AND participant_id = $3",
        [into, workshopId, from],
      );
      for (const doc of docs) {
        await c.query('UPDATE client_claims SET owner = $1 WHERE doc = $2 AND owner = $3', [
          `participant:${into}`,
          doc,
          `participant:${from}`,
        ]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  }

  async replaceLog(doc: string, entries: LoggedUpdate[], snapshot: Uint8Array | null): Promise<void> {
    await this.inTransaction(async (c) => {
      // Entries appended after the rewritten ones were read (a command meanwhile) stay.
      const upTo = entries.at(-1)?.seq ?? Number.MAX_SAFE_INTEGER;
      await c.query('DELETE FROM updates WHERE doc = $1 AND seq <= $2', [doc, upTo]);
      await c.query('DELETE FROM snapshots WHERE doc = $1', [doc]);
      for (const e of entries) {
        await c.query('INSERT INTO updates (seq, doc, ts, actor, data) VALUES ($1, $2, $3, $4, $5)', [
          e.seq,
          doc,
          e.ts,
          e.actor,
          Buffer.from(e.data),
        ]);
      }
      const last = entries.at(-1);
      if (snapshot && last) {
        await c.query('INSERT INTO snapshots (doc, up_to_seq, ts, data, format) VALUES ($1, $2, $3, $4, $5)', [
          doc,
          last.seq,
          Date.now(),
          Buffer.from(snapshot),
          SNAPSHOT_FORMAT.v2,
        ]);
      }
    });
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    const prefix = `${workshopId.replace(/[%_\\]/g, '\\$&')}/%`;
    await this.inTransaction(async (c) => {
      // This lock mode waits for every write already under way on these tables (another instance may still serve the
      // workshop) and holds new ones until this commits; those then see the tombstone and store nothing. So no row
      // written before the tombstone can outlive the delete, and none is written after it. Deletes are rare; other
      // workshops' writes wait only for the length of this transaction.
      await c.query('LOCK TABLE updates, snapshots, client_claims IN SHARE ROW EXCLUSIVE MODE');
      await c.query('INSERT INTO deleted_workshops (id, deleted_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
        workshopId,
        Date.now(),
      ]);
      for (const table of ['updates', 'snapshots', 'client_claims']) {
        await c.query(`DELETE FROM ${table} WHERE doc LIKE $1`, [prefix]);
      }
      await c.query('DELETE FROM tokens WHERE workshop_id = $1', [workshopId]);
      await c.query('DELETE FROM uploads WHERE workshop_id = $1', [workshopId]);
      await c.query('DELETE FROM workshops WHERE id = $1', [workshopId]);
    });
  }

  /** Stores a photo (server/uploads/store.ts); refused (WorkshopDeleted) when the workshop has a tombstone. */
  async putUpload(workshopId: string, meta: UploadMeta, data: Buffer): Promise<void> {
    const r = await this.pool.query(
      `INSERT INTO uploads (workshop_id, upload_id, mime, size, uploaded_by, group_id, uploaded_at, data)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM deleted_workshops WHERE id = $1)`,
      [workshopId, meta.uploadId, meta.mime, meta.size, meta.by, meta.groupId ?? null, meta.at, data],
    );
    if (r.rowCount === 0) throw new WorkshopDeleted(workshopId);
  }

  async getUpload(workshopId: string, uploadId: string): Promise<{ meta: UploadMeta; data: Buffer } | null> {
    const r = await this.pool.query<{
      mime: string;
      size: number;
      uploaded_by: string;
      group_id: string | null;
      uploaded_at: string;
      data: Buffer;
    }>(
      'SELECT mime, size, uploaded_by, group_id, uploaded_at, data FROM uploads WHERE workshop_id = $1 AND upload_id = $2',
      [workshopId, uploadId],
    );
    const row = r.rows[0];
    if (!row) return null;
    const meta = {
      uploadId,
      mime: row.mime,
      size: row.size,
      by: row.uploaded_by,
      groupId: row.group_id,
      at: Number(row.uploaded_at),
    };
    return { meta, data: row.data };
  }

  /** Bytes a workshop's photos take (its quota). */
  async uploadBytes(workshopId: string): Promise<number> {
    const r = await this.pool.query<{ n: string | null }>('SELECT sum(size) AS n FROM uploads WHERE workshop_id = $1', [
      workshopId,
    ]);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Deletes the photos one participant sent (erasure); returns how many. */
  async deleteUploadsBy(workshopId: string, by: string): Promise<number> {
    const r = await this.pool.query('DELETE FROM uploads WHERE workshop_id = $1 AND uploaded_by = $2', [
      workshopId,
      by,
    ]);
    return r.rowCount ?? 0;
  }

  async isWorkshopDeleted(workshopId: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM deleted_workshops WHERE id = $1', [workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  private async inTransaction(fn: (c: pg.PoolClient) => Promise<void>): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await fn(c);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      c.release();
    }
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) await this.flushAppends();
    await this.pool.end();
  }
}
