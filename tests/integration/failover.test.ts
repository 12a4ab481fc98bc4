import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { api, createWorkshop, waitFor, yClient } from '../helpers/clients';
import { startCluster, startInstance, type Cluster } from '../helpers/cluster';

const ORGANISER_KEY = 'failover-organiser-key-0123456789';

const join = (url: string, w: CreateWorkshopResponse, name: string) =>
  api<JoinResponse>(url, `/api/join?w=${w.id}`, {
    body: { code: w.joinCode, name, groupId: w.groups[0]!.id, side: 'formal', consent: true },
  });

/** A small JPEG: start of image, JFIF header, start of scan, some "compressed data", end of image. */
const photo = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xda]),
    randomBytes(50_000),
    Buffer.from([0xff, 0xd9]),
  ]);

/**
 * Two instances on PostgreSQL behind nginx (the deployment's routing), one of them killed and started again: every
 * photo is still served, and people still join.
 */
describe('scale-out: photos and joins survive an instance going down and coming back', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    // nginx leaves a failed instance alone for 1 s (the deployment: 10 s), so the returning one gets traffic soon.
    cluster = await startCluster({ organiserKey: ORGANISER_KEY, failTimeout: '1s' });
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves every photo while one of two instances is down', async () => {
    const url = cluster.router.url;
    // Workshops until each instance serves at least two (a workshop's requests go to the instance its id hashes to;
    // joining loads its control document there).
    const uploaded: Array<{ w: CreateWorkshopResponse; token: string; uploadId: string; body: Buffer; on: number }> =
      [];
    const on = (i: number) => uploaded.filter((u) => u.on === i).length;
    while (on(0) < 2 || on(1) < 2) {
      expect(uploaded.length).toBeLessThan(40);
      const before = await Promise.all(cluster.instances.map((i) => i.loadedDocs()));
      const w = await createWorkshop(url, ORGANISER_KEY, ['Utrecht']);
      const a = await join(url, w, 'Anna');
      expect(a.status).toBe(201);
      const after = await Promise.all(cluster.instances.map((i) => i.loadedDocs()));
      const body = photo();
      const r = await fetch(`${url}/api/workshops/${w.id}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.body.token}`, 'content-type': 'image/jpeg' },
        body,
      });
      expect(r.status).toBe(201);
      const { uploadId } = (await r.json()) as { uploadId: string };
      uploaded.push({ w, token: a.body.token, uploadId, body, on: after[0]! > before[0]! ? 0 : 1 });
    }
    const served = async () =>
      Promise.all(
        uploaded.map(async (u) => {
          const r = await fetch(`${url}/api/workshops/${u.w.id}/uploads/${u.uploadId}`, {
            headers: { authorization: `Bearer ${u.token}` },
          });
          return r.status === 200 && Buffer.from(await r.arrayBuffer()).equals(u.body);
        }),
      );
    const all = uploaded.map(() => true);
    expect(await served()).toEqual(all);

    const down = cluster.instances[0]!;
    await down.kill();
    expect(await served()).toEqual(all);
    // And when it is back (nginx tries it again after its fail_timeout).
    cluster.instances[0] = await startInstance(cluster.env, down.port);
    expect(await served()).toEqual(all);
  }, 120_000);

  it('lets newcomers join a workshop taken over while its instance was down, after that instance returns', async () => {
    const url = cluster.router.url;
    const w = await createWorkshop(url, ORGANISER_KEY, ['Utrecht']);
    const anna = await join(url, w, 'Anna');
    expect(anna.status).toBe(201);
    const phone = yClient(url, w.id, 'board', anna.body.token);
    try {
      await waitFor(() => phone.provider.synced, { timeout: 15_000 });
      const loaded = await Promise.all(cluster.instances.map((i) => i.loadedDocs()));
      const ownerIndex = loaded.findIndex((n) => n > 0);
      expect(ownerIndex).toBeGreaterThanOrEqual(0);
      const owner = cluster.instances[ownerIndex]!;
      const other = cluster.instances[1 - ownerIndex]!;

      // The owner dies: the phone reconnects through nginx to the other instance, which takes the workshop over.
      await owner.kill();
      await waitFor(async () => (await other.loadedDocs()) > 0 && phone.provider.wsconnected, { timeout: 30_000 });
      // The owner comes back on its port; nginx sends the workshop's new requests to it again.
      cluster.instances[ownerIndex] = await startInstance(cluster.env, owner.port);

      // Newcomers join (the phone is still connected to the instance that took over), and their phones sync.
      // A join that meets nginx while it is still finding the returning instance may get a 502 page (a phone shows
      // its retry): polled, as a person would tap again. Known gap, docs/ARCHITECTURE.md ("The returning instance").
      for (const name of ['Bram', 'Cas']) {
        let r: Awaited<ReturnType<typeof join>> | null = null;
        await waitFor(
          async () => {
            r = await join(url, w, name).catch(() => null);
            return r?.status === 201;
          },
          { timeout: 20_000 },
        );
        r = r!;
        const newcomer = yClient(url, w.id, 'board', r.body.token);
        try {
          await waitFor(() => newcomer.provider.synced, { timeout: 15_000 });
        } finally {
          newcomer.destroy();
        }
      }
      // Nothing failed on the returning instance.
      expect(cluster.instances[ownerIndex]!.output()).not.toMatch(/unexpected error|could not load/);
    } finally {
      phone.destroy();
    }
  }, 120_000);
});
