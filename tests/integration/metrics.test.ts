import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/boardDoc';
import { createApp } from '../../server/app';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { parsePrometheusText, sampleValue, type Family } from '../helpers/promText';

const ORGANISER_KEY = 'metrics-organiser-key-0123456789';
const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

async function start(metricsToken?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-metrics-'));
  const app = createApp({ storage: new SqliteStorage(dataDir), organiserKey: ORGANISER_KEY, dataDir, metricsToken });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url };
}

describe('/metrics', { timeout: 60_000 }, () => {
  let server: Awaited<ReturnType<typeof start>>;
  const clients: YClient[] = [];

  beforeAll(async () => {
    server = await start(METRICS_TOKEN);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.app.close();
  });

  const scrape = async (): Promise<Map<string, Family>> => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  };

  it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    const off = await start();
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
      expect(
        (await fetch(`${off.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
      ).toBe(404);
    } finally {
      await off.app.close();
    }
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('werkplaats_');
  });

  it('holds every operator metric, in valid Prometheus text format, and they move with real clients', async () => {
    const before = await scrape();
    const families = [
      ['werkplaats_connections', 'gauge'],
      ['werkplaats_updates_total', 'counter'],
      ['werkplaats_refusals_total', 'counter'],
      ['werkplaats_storage_flush_seconds', 'histogram'],
      ['werkplaats_event_loop_delay_seconds', 'gauge'],
      ['werkplaats_leases_held', 'gauge'],
      ['werkplaats_export_seconds', 'histogram'],
      ['process_resident_memory_bytes', 'gauge'],
    ] as const;
    for (const [name, type] of families) expect(before.get(name)?.type, name).toBe(type);
    const updates0 = sampleValue(before, 'werkplaats_updates_total')!;
    const flushes0 = sampleValue(before, 'werkplaats_storage_flush_seconds_count')!;
    expect(sampleValue(before, 'werkplaats_connections', { role: 'participant', channel: 'yjs' })).toBe(0);
    expect(sampleValue(before, 'werkplaats_leases_held')).toBe(0);
    expect(sampleValue(before, 'werkplaats_event_loop_delay_seconds', { stat: 'max' })).toBeGreaterThanOrEqual(0);

    // Real phones write real Yjs updates.
    const w = await createWorkshop(server.url, ORGANISER_KEY);
    const phones = await Promise.all(['Aïcha', 'Bram'].map((n) => joinAs(server.url, w, n)));
    const ys = phones.map((p) => yClient(server.url, w.id, 'board', p.token));
    clients.push(...ys);
    await Promise.all(ys.map(synced));
    const facilitator = ioClient(server.url, w.tokens.facilitator);
    await facilitator.connected();
    const N = 12;
    ys.forEach((c, k) => {
      for (let i = 0; i < N / 2; i++) {
        c.doc.transact(() =>
          addItem(c.doc, {
            id: `m${k}-${i}`,
            kind: 'note',
            sessionId: 'opening',
            groupId: null,
            authorId: phones[k]!.participantId,
            createdAt: Date.now(),
            updatedAt: Date.now(),
            text: `note ${i}`,
          }),
        );
      }
    });
    const moved = await waitFor(
      async () => {
        const m = await scrape();
        return (sampleValue(m, 'werkplaats_updates_total') ?? 0) >= updates0 + N ? m : null;
      },
      { timeout: 10_000 },
    );
    expect(sampleValue(moved, 'werkplaats_storage_flush_seconds_count')).toBeGreaterThanOrEqual(flushes0 + N);
    expect(sampleValue(moved, 'werkplaats_storage_flush_seconds_sum')).toBeGreaterThan(0);
    expect(sampleValue(moved, 'werkplaats_connections', { role: 'participant', channel: 'yjs' })).toBe(2);
    expect(sampleValue(moved, 'werkplaats_connections', { role: 'facilitator', channel: 'io' })).toBe(1);

    // A write the guard refuses (only board items may be written) is counted by its reason.
    const refusedBefore = sampleValue(moved, 'werkplaats_refusals_total') ?? 0;
    ys[1]!.doc.getMap('probe').set('x', true);
    await waitFor(() => ys[1]!.closes.some((c) => c.code === 4409));
    const refused = await waitFor(async () => {
      const m = await scrape();
      return (sampleValue(m, 'werkplaats_refusals_total') ?? 0) > refusedBefore ? m : null;
    });
    const reasons = refused.get('werkplaats_refusals_total')!.samples.map((s) => s.labels.reason);
    expect(reasons).toContain('write: only board items may be written');

    // A refused request (no token) and an export are counted and timed.
    expect((await fetch(`${server.url}/api/workshops/${w.id}/export?format=json`)).status).toBe(401);
    const exp = await fetch(`${server.url}/api/workshops/${w.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(exp.status).toBe(200);
    await exp.arrayBuffer();
    const after = await waitFor(async () => {
      const m = await scrape();
      return sampleValue(m, 'werkplaats_export_seconds_count', { format: 'csv', status: '200' }) === 1 ? m : null;
    });
    expect(sampleValue(after, 'werkplaats_export_seconds_sum', { format: 'csv' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'werkplaats_refusals_total', { reason: 'http_unauthorised' })).toBeGreaterThanOrEqual(1);
    facilitator.close();
  });

  it('has a parser that refuses malformed text (so the checks above mean something)', () => {
    expect(() => parsePrometheusText('x 1')).toThrow(/newline/);
    expect(() => parsePrometheusText('# TYPE x counter\nx{a="1" 1\n')).toThrow();
    expect(() => parsePrometheusText('x 1\n')).toThrow(/before its TYPE/);
    expect(() => parsePrometheusText('# TYPE x counter\nx abc\n')).toThrow(/bad value/);
    expect(() =>
      parsePrometheusText('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n'),
    ).toThrow(/cumulative/);
    expect(() => parsePrometheusText('# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n')).toThrow(/\+Inf/);
  });
});
