import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RunningApp } from '../../server/app';
import { PgAdvisoryLease } from '../../server/scale/WorkshopLease';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { parsePrometheusText, sampleValue } from '../helpers/promText';

const METRICS_TOKEN = 'lease-metrics-token-0123456789';

/**
 * Scale-out readiness with real PostgreSQL: `/readyz` checks storage and that the instance holds the workshop leases
 * it serves under; `werkplaats_leases_held` counts them. When the lease connection is cut (PostgreSQL frees every
 * lock of it), the instance is no longer ready.
 */
describe('readiness and leases on PostgreSQL', { timeout: 90_000 }, () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let app: RunningApp;
  let url: string;
  const lost: Error[] = [];
  let phone: YClient | null = null;

  beforeAll(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase();
    const storage = await PostgresStorage.connect(databaseUrl);
    // In production a lost lease connection stops the process; here the test records it and looks at /readyz.
    const lease = await PgAdvisoryLease.connect(databaseUrl, { onLost: (err) => lost.push(err) });
    app = createApp({ storage, lease, organiserKey: 'lease-organiser-key-0123456789', metricsToken: METRICS_TOKEN });
    url = await app.listen(0, '127.0.0.1');
  }, 90_000);

  afterAll(async () => {
    phone?.destroy();
    await app?.close().catch(() => undefined);
    await postgres?.stop();
  });

  const readyz = async () => {
    const res = await fetch(`${url}/readyz`);
    return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, string> } };
  };
  const leasesHeld = async () => {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    return sampleValue(parsePrometheusText(await res.text()), 'werkplaats_leases_held');
  };

  it('is ready while it holds its leases, and not once PostgreSQL has dropped them', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { ready: true, checks: { storage: 'ok', leases: 'ok' } } });
    expect(await leasesHeld()).toBe(0);

    const w = await createWorkshop(url, 'lease-organiser-key-0123456789');
    const a = await joinAs(url, w, 'Aïcha');
    phone = yClient(url, w.id, 'board', a.token);
    await synced(phone);
    await waitFor(async () => (await leasesHeld()) === 1);
    expect(await readyz()).toEqual({ status: 200, body: { ready: true, checks: { storage: 'ok', leases: 'ok' } } });

    // The lease connection is cut (a network drop, an administrator): PostgreSQL frees its advisory locks.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const r = await admin.query<{ pid: number }>(
        "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
      );
      expect(r.rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [r.rows[0]!.pid]);
    } finally {
      await admin.end();
    }
    await waitFor(() => lost.length > 0);
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.checks.storage).toBe('ok');
    expect(down.body.checks.leases).not.toBe('ok');
  });
});
