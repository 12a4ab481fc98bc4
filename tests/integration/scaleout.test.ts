import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemsMap } from '../../shared/boardDoc';
import { readState } from '../../shared/controlDoc';
import { LeaseUnavailable, PgAdvisoryLease } from '../../server/scale/WorkshopLease';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { createWorkshop, SimDoc, SimFacilitator, SimPhone } from '../sim/simulator';
import { startCluster, type Cluster, type Instance, type Router } from '../helpers/cluster';
import type { TestPostgres } from '../helpers/postgres';
import { waitFor } from '../helpers/clients';

/**
 * Many instances: real PostgreSQL, two app processes and nginx with the deployment's consistent-hash routing.
 * Kills the instance that serves a workshop and checks the other takes it over from storage, losing nothing.
 */
describe('scale-out: two instances behind nginx on PostgreSQL', () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let instances: Instance[] = [];
  let router: Router;
  let cluster: Cluster;
  const ORGANISER_KEY = 'scaleout-organiser-key-0123456789';

  beforeAll(async () => {
    cluster = await startCluster({ organiserKey: ORGANISER_KEY });
    ({ postgres, databaseUrl, instances, router } = cluster);
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves each workshop from one instance, and another takes it over when that one dies', async () => {
    const url = router.url;
    const w = await createWorkshop(url, ORGANISER_KEY, 'Schaal', ['Utrecht', 'Zaandam']);
    const screen = new SimDoc(url, w.id, 'board', w.tokens.screen);
    const control = new SimDoc(url, w.id, 'control', w.tokens.screen);
    const facilitator = new SimFacilitator(url, w.tokens.facilitator, w.id);
    const phones = await Promise.all(
      ['Anna', 'Bram', 'Cas'].map((name, i) =>
        SimPhone.join(url, w, { name, groupId: w.groups[i % 2]!.id, side: 'formal' }),
      ),
    );
    try {
      await Promise.all([screen.synced(), control.synced()]);
      // Exactly one instance serves the workshop.
      const loaded = await Promise.all(instances.map((i) => i.loadedDocs()));
      expect(loaded.filter((n) => n > 0)).toHaveLength(1);
      const owner = instances[loaded.findIndex((n) => n > 0)]!;
      const other = instances.find((i) => i !== owner)!;

      await facilitator.must({ type: 'session.goto', sessionId: 'pitch' });
      const before = phones.map((p, i) => p.postNote('pitch', `voor ${i}`));
      await waitFor(
        () =>
          before.every((id) => itemsMap(screen.doc).has(id)) && readState(control.doc)?.currentSessionId === 'pitch',
        {
          timeout: 10_000,
        },
      );

      await owner.kill();
      // Written while the server is gone: kept on the phone and sent when it reconnects.
      const during = phones[0]!.postNote('pitch', 'tijdens de storing');

      await waitFor(() => itemsMap(screen.doc).has(during), { timeout: 30_000 });
      expect(await other.loadedDocs()).toBeGreaterThan(0);
      for (const id of before) expect(itemsMap(screen.doc).has(id)).toBe(true);
      expect(readState(control.doc)?.currentSessionId).toBe('pitch');

      // Commands work again, on the new instance.
      await waitFor(() => facilitator.socket.connected, { timeout: 30_000 });
      await waitFor(async () => (await facilitator.command({ type: 'session.goto', sessionId: 'kader' })).ok, {
        timeout: 15_000,
      });
      await waitFor(() => readState(control.doc)?.currentSessionId === 'kader', { timeout: 10_000 });
      const after = phones[1]!.postNote('kader', 'na de overname');
      await waitFor(() => itemsMap(screen.doc).has(after), { timeout: 10_000 });

      // And all of it is in the shared log, not just in the clients.
      const storage = await PostgresStorage.connect(databaseUrl, 1);
      try {
        const fresh = new SimDoc(url, w.id, 'board', w.tokens.researcher);
        await fresh.synced(15_000);
        for (const id of [...before, during, after]) expect(itemsMap(fresh.doc).has(id)).toBe(true);
        fresh.destroy();
        expect((await storage.readLog(`${w.id}/board`)).length).toBeGreaterThanOrEqual(5);
      } finally {
        await storage.close();
      }

      // The record through nginx: the export process writes the response on the socket it was handed (the body
      // never passes through the server), and nginx passes all of it on, with its length.
      const exported = await fetch(`${url}/api/workshops/${w.id}/export?format=json`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      });
      expect(exported.status).toBe(200);
      const body = await exported.text();
      expect(Buffer.byteLength(body)).toBe(Number(exported.headers.get('content-length')));
      const texts = (JSON.parse(body) as { items: Array<{ text?: string }> }).items.map((i) => i.text);
      for (const t of ['voor 0', 'voor 1', 'voor 2', 'tijdens de storing', 'na de overname'])
        expect(texts).toContain(t);
    } finally {
      facilitator.close();
      for (const p of phones) p.close();
      screen.destroy();
      control.destroy();
    }
  }, 120_000);

  it('lets one instance at a time hold a workshop, and frees it when that instance goes', async () => {
    const url = await postgres.createDatabase();
    const onLost = () => undefined;
    const a = await PgAdvisoryLease.connect(url, { waitMs: 200, onLost });
    const b = await PgAdvisoryLease.connect(url, { waitMs: 200, onLost });
    await Promise.all([a.acquire('w1'), a.acquire('w1')]);
    await expect(b.acquire('w1')).rejects.toBeInstanceOf(LeaseUnavailable);
    await b.acquire('w2');
    // Held until the last document of the workshop lets go.
    await a.release('w1');
    await expect(b.acquire('w1')).rejects.toBeInstanceOf(LeaseUnavailable);
    await a.release('w1');
    await b.acquire('w1');
    // An instance that goes away (its connection closes) frees everything it held.
    await b.close();
    await a.acquire('w2');
    await a.close();
  });
});
