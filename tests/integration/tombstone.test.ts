import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { WS_CLOSE, type JoinResponse } from '../../shared/protocol';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { WorkshopDeleted } from '../../server/storage/Storage';
import { api, createWorkshop, waitFor, yClient } from '../helpers/clients';
import { startCluster, type Cluster, type Instance, type Router } from '../helpers/cluster';
import type { TestPostgres } from '../helpers/postgres';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { noteItem } from '../helpers/items';

/**
 * Issue 13 point 8: a deleted workshop stays deleted on every instance. Real PostgreSQL, two app processes and nginx
 * with the deployment's routing: the workshop is deleted through the instance that does not serve it, while a phone
 * is still connected to the one that does.
 */
describe('a deleted workshop stays deleted on every instance', () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let instances: Instance[] = [];
  let router: Router;
  let cluster: Cluster;
  const ORGANISER_KEY = 'tombstone-organiser-key-0123456789';

  beforeAll(async () => {
    cluster = await startCluster({ organiserKey: ORGANISER_KEY });
    ({ postgres, databaseUrl, instances, router } = cluster);
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('refuses the serving instance further writes and connections (4404), and no rows come back', async () => {
    const url = router.url;
    const w = await createWorkshop(url, ORGANISER_KEY, ['Utrecht', 'Zaandam']);
    // Joined as the app does behind the router (?w= routes to the workshop's instance).
    const joined = await api<JoinResponse>(url, `/api/join?w=${w.id}`, {
      body: { code: w.joinCode, name: 'Anna', groupId: w.groups[0]!.id, side: 'formal', consent: true },
    });
    expect(joined.status).toBe(201);
    const a = joined.body;
    const phone = yClient(url, w.id, 'board', a.token);
    const storage = await PostgresStorage.connect(databaseUrl, 1);
    const rows = async () => {
      const r = await storage.pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM updates WHERE doc LIKE $1) + (SELECT count(*) FROM snapshots WHERE doc LIKE $1)
           + (SELECT count(*) FROM client_claims WHERE doc LIKE $1) + (SELECT count(*) FROM tokens WHERE workshop_id = $2)
           + (SELECT count(*) FROM workshops WHERE id = $2) AS n`,
        [`${w.id}/%`, w.id],
      );
      return Number(r.rows[0]!.n);
    };
    try {
      await waitFor(() => phone.provider.synced, { timeout: 15_000 });
      phone.doc.transact(() => addItem(phone.doc, noteItem('n1', a.participantId)));
      await waitFor(async () => (await storage.readLog(`${w.id}/board`)).length > 0, { timeout: 10_000 });
      const loaded = await Promise.all(instances.map((i) => i.loadedDocs()));
      expect(loaded.filter((n) => n > 0)).toHaveLength(1);
      const owner = instances[loaded.findIndex((n) => n > 0)]!;
      const other = instances.find((i) => i !== owner)!;

      // Deleted through the instance that does not serve the workshop (as after a fail-over and a return).
      const del = await api(other.url, `/api/workshops/${w.id}`, { method: 'DELETE', token: w.tokens.facilitator });
      expect(del.status).toBe(200);
      expect(await rows()).toBe(0);
      expect(await storage.isWorkshopDeleted(w.id)).toBe(true);

      // The phone, still connected to the serving instance, writes on: refused, and told the workshop is gone.
      phone.doc.transact(() => addItem(phone.doc, noteItem('n2', a.participantId)));
      await waitFor(() => phone.closes.some((c) => c.code === WS_CLOSE.notFound), { timeout: 10_000 });
      phone.destroy();
      // Nothing came back, also after the serving instance had the chance to snapshot or claim.
      expect(await rows()).toBe(0);

      // New connections to either instance, directly or through the router, are refused with 4404.
      for (const base of [owner.url, other.url, url]) {
        const c = yClient(base, w.id, 'board', w.tokens.facilitator);
        c.provider.shouldConnect = true;
        await waitFor(() => c.closes.some((x) => x.code === WS_CLOSE.notFound), { timeout: 10_000 });
        expect(itemsMap(c.doc).size).toBe(0);
        c.destroy();
      }
      expect(await rows()).toBe(0);
    } finally {
      phone.destroy();
      await storage.close();
    }
  }, 120_000);

  it('refuses writes for a tombstoned workshop in both storage engines', async () => {
    const pg = await PostgresStorage.connect(await postgres.createDatabase(), 2);
    const sqlite = new SqliteStorage(mkdtempSync(path.join(tmpdir(), 'werkplaats-tomb-')));
    for (const s of [pg, sqlite]) {
      const w = {
        id: 'wdel',
        title: 'x',
        joinCode: `C${s === pg ? 'PG' : 'SQ'}DEF`,
        createdAt: Date.now(),
        tokens: { facilitator: 'f'.repeat(30), screen: 's'.repeat(30), researcher: 'r'.repeat(30) },
      };
      await s.createWorkshop(w);
      await s.appendUpdate('wdel/board', new Uint8Array([0, 0]), 'test', Date.now());
      await s.appendUpdate('wkeep/board', new Uint8Array([0, 0]), 'test', Date.now());
      expect(await s.isWorkshopDeleted('wdel')).toBe(false);
      await s.deleteWorkshop('wdel');
      expect(await s.isWorkshopDeleted('wdel')).toBe(true);
      // In one batch: the deleted workshop's append is refused, the other's is stored.
      const [refused, kept] = await Promise.allSettled([
        s.appendUpdate('wdel/board', new Uint8Array([0, 0]), 'test', Date.now()),
        s.appendUpdate('wkeep/board', new Uint8Array([0, 0]), 'test', Date.now()),
      ]);
      expect(refused.status === 'rejected' && refused.reason instanceof WorkshopDeleted).toBe(true);
      expect(kept.status).toBe('fulfilled');
      await expect(s.claimClient('wdel/board', 7, 'participant:x')).rejects.toBeInstanceOf(WorkshopDeleted);
      await s.saveSnapshot('wdel/board', new Uint8Array([0, 0]), 1);
      expect(await s.readLog('wdel/board')).toEqual([]);
      expect((await s.loadDoc('wdel/board')).snapshot).toBeNull();
      expect(await s.readLog('wkeep/board')).toHaveLength(2);
      await s.close();
    }
  });
});
