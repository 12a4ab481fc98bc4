import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { applyStoredDoc } from '../../server/storage/snapshotFormat';
import type { Storage } from '../../server/storage/Storage';
import { startInstance, startNginx, type Instance } from '../helpers/cluster';
import { api, createWorkshop, waitFor, yClient, type YClient } from '../helpers/clients';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { freePort, spawnServer, type ServerProcess } from '../helpers/serverProcess';

/**
 * Twenty phones write notes (and edit their last note, which depends on what came before) without pause while the
 * server is killed, stopped and failed over. Whatever history a server lost, a phone's next update is answered with
 * a resync, never a refusal: at the end every note every phone made is in storage, with its last text.
 */
const PHONES = 20;

interface Phone {
  client: YClient;
  participantId: string;
  /** Every note this phone made, with the text it last gave it. */
  made: Map<string, string>;
}

function startWriting(phones: Phone[]) {
  let writing = true;
  let steps = 0;
  const loops = phones.map(async (phone, i) => {
    let n = 0;
    let last: string | null = null;
    // Phones start at different moments, as people do.
    await new Promise((r) => setTimeout(r, i * 50));
    while (writing) {
      const doc = phone.client.doc;
      if (last && n % 2 === 1) {
        // An edit of the last note: its struct's origin is the text before, which the server may have lost.
        const text = `${last} (bijgewerkt)`;
        itemsMap(doc).get(last)?.set('text', text);
        phone.made.set(last, text);
      } else {
        const id = `p${i}-${n}`;
        const text = `notitie ${n} van telefoon ${i}`;
        doc.transact(() =>
          addItem(doc, {
            id,
            kind: 'note',
            sessionId: 'opening',
            groupId: null,
            authorId: phone.participantId,
            createdAt: Date.now(),
            updatedAt: Date.now(),
            text,
          }),
        );
        phone.made.set(id, text);
        last = id;
      }
      n++;
      steps++;
      // Pacing the load generator (a person writing), under the server's items-per-minute limit; not a wait for a
      // result.
      await new Promise((r) => setTimeout(r, 900 + Math.random() * 300));
    }
  });
  return {
    steps: () => steps,
    async stop() {
      writing = false;
      await Promise.all(loops);
    },
  };
}

async function joinPhones(url: string, w: CreateWorkshopResponse): Promise<Phone[]> {
  const phones: Phone[] = [];
  for (let i = 0; i < PHONES; i++) {
    // `?w=` lets nginx route the join to the instance that serves the workshop (deploy/nginx/routing.conf).
    const r = await api<JoinResponse>(url, `/api/join?w=${encodeURIComponent(w.id)}`, {
      body: { code: w.joinCode, name: `Telefoon ${i}`, groupId: w.groups[i % 3]!.id, side: 'formal', consent: true },
    });
    if (r.status !== 201) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.body)}`);
    const p = r.body;
    phones.push({ client: yClient(url, w.id, 'board', p.token), participantId: p.participantId, made: new Map() });
  }
  await waitFor(() => phones.every((p) => p.client.provider.synced), { timeout: 20_000 });
  return phones;
}

/** The notes of every phone that storage does not hold with their last text. */
async function lostIn(storage: Storage, docName: string, phones: Phone[]): Promise<string[]> {
  const doc = new Y.Doc();
  applyStoredDoc(doc, await storage.loadDoc(docName));
  const items = itemsMap(doc);
  const lost: string[] = [];
  for (const p of phones) for (const [id, text] of p.made) if (items.get(id)?.get('text') !== text) lost.push(id);
  doc.destroy();
  return lost;
}

const refusals = (phones: Phone[]) => phones.flatMap((p) => p.client.closes.filter((c) => c.code >= 4400));
const refused = (p: Phone) => p.client.closes.some((c) => c.code >= 4400);
/** Every phone is synced, except those refused for good (y-websocket does not reconnect them; counted at the end). */
const allSynced = (phones: Phone[]) => phones.every((p) => p.client.provider.synced || refused(p));

/** Waits for every phone to be synced; a phone that never syncs again (refused) is reported at the end. */
async function reconnected(phones: Phone[], timeout: number, what: string, logs?: () => string): Promise<void> {
  await waitFor(() => allSynced(phones), { timeout }).catch(() => {
    const stuck = phones.filter((p) => !p.client.provider.synced);
    if (stuck.length === 0) return;
    const closes = stuck.map((p) => p.client.closes.slice(-3));
    console.warn(`[storm] ${what}: ${stuck.length} phone(s) not synced; their last closes: ${JSON.stringify(closes)}`);
    if (logs) console.warn(logs().split('\n').slice(-40).join('\n'));
  });
}
const made = (phones: Phone[]) => phones.reduce((n, p) => n + p.made.size, 0);

/** Waits until the phones' notes have all reached a fresh reader (the server has them), or the time is up. */
async function converged(url: string, w: CreateWorkshopResponse, phones: Phone[], timeout: number) {
  const reader = yClient(url, w.id, 'board', w.tokens.researcher);
  try {
    await waitFor(
      () => {
        const items = itemsMap(reader.doc);
        return phones.every((p) => [...p.made].every(([id, text]) => items.get(id)?.get('text') === text));
      },
      { timeout, interval: 200 },
    ).catch(() => undefined);
  } finally {
    reader.destroy();
  }
}

// The two halves share nothing (their own servers, ports and phones), so they run at the same time.
describe.concurrent(
  'reconnect storm: 20 phones writing through crashes, stops and fail-overs',
  // Alone each half takes 70–120 s on this machine; in the full suite it shares two cores with the e2e files.
  { timeout: 300_000 },
  () => {
    const procs: ServerProcess[] = [];
    const phones: Phone[] = [];
    const failoverPhones: Phone[] = [];
    let instances: Instance[] = [];
    let router: { url: string; stop(): Promise<void> } | null = null;
    let postgres: TestPostgres | null = null;

    afterAll(async () => {
      for (const p of [...phones.splice(0), ...failoverPhones.splice(0)]) p.client.destroy();
      for (const p of procs.splice(0)) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
      await router?.stop();
      for (const i of instances) await i.kill();
      await postgres?.stop();
    });

    it('SQLite: 10 × kill -9 and 5 × SIGTERM, each followed by a restart: nothing lost, nobody refused', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-storm-'));
      const port = await freePort();
      let server = await spawnServer({ dataDir, port });
      procs.push(server);
      const w = await createWorkshop(server.url, 'test-organiser-key-of-24-characters');
      phones.push(...(await joinPhones(server.url, w)));
      const load = startWriting(phones);

      for (let round = 0; round < 15; round++) {
        // Writes flow, then the server goes down in the middle of them.
        await reconnected(phones, 20_000, `round ${round}`);
        const before = load.steps();
        await waitFor(() => load.steps() >= before + PHONES);
        const sigterm = round >= 10;
        const closes = phones.map((p) => (p.client.provider.wsconnected ? p.client.closes.length : -1));
        server.child.kill(sigterm ? 'SIGTERM' : 'SIGKILL');
        await server.exited;
        procs.splice(0);
        await waitFor(() => phones.every((p, k) => p.client.closes.length > closes[k]!), { timeout: 10_000 });
        // The phones go on writing while it is down.
        const down = load.steps();
        await waitFor(() => load.steps() >= down + PHONES / 2);
        server = await spawnServer({ dataDir, port });
        procs.push(server);
      }
      await reconnected(phones, 20_000, 'end');
      await load.stop();
      await converged(server.url, w, phones, 20_000);
      server.child.kill('SIGTERM');
      await server.exited;
      procs.splice(0);

      const storage = new SqliteStorage(dataDir);
      const lost = await lostIn(storage, `${w.id}/board`, phones);
      await storage.close();
      console.info(
        `[storm] SQLite: ${made(phones)} notes made, ${lost.length} lost, ${refusals(phones).length} refusals`,
      );
      expect(refusals(phones)).toEqual([]);
      expect(lost).toEqual([]);
      for (const p of phones.splice(0)) p.client.destroy();
    });

    it('PostgreSQL + nginx: 3 fail-overs between two instances: nothing lost, nobody refused', async () => {
      postgres = await startPostgres();
      const databaseUrl = await postgres.createDatabase();
      const env = { DATABASE_URL: databaseUrl, ORGANISER_KEY: 'storm-organiser-key-of-24-characters' };
      instances = [await startInstance(env), await startInstance(env)];
      // A restarted instance takes work again after a second, not nginx's 30 s, so three fail-overs fit in CI time.
      router = await startNginx(
        instances.map((i) => i.port),
        '1s',
      );
      const url = router.url;
      const w = await createWorkshop(url, 'storm-organiser-key-of-24-characters');
      const phones = failoverPhones;
      phones.push(...(await joinPhones(url, w)));
      const load = startWriting(phones);

      for (let round = 0; round < 3; round++) {
        await reconnected(phones, 30_000, `fail-over ${round}`);
        const before = load.steps();
        await waitFor(() => load.steps() >= before + PHONES);
        const loaded = await Promise.all(instances.map((i) => i.loadedDocs()));
        const owner = loaded.findIndex((n) => n > 0);
        expect(owner).toBeGreaterThanOrEqual(0);
        const dead = instances[owner]!;
        const closes = phones.map((p) => (p.client.provider.wsconnected ? p.client.closes.length : -1));
        await dead.kill();
        await waitFor(() => phones.every((p, k) => p.client.closes.length > closes[k]!), { timeout: 10_000 });
        // The other instance takes the workshop over from PostgreSQL; the phones reconnect through nginx.
        const logs = () => instances.map((i, k) => `--- instance ${k}\n${i.output().slice(-3000)}`).join('\n');
        await reconnected(phones, 30_000, `fail-over ${round}, taken over`, logs);
        const during = load.steps();
        await waitFor(() => load.steps() >= during + PHONES / 2);
        instances[owner] = await startInstance(env, dead.port);
      }
      await reconnected(phones, 30_000, 'end');
      await load.stop();
      await converged(url, w, phones, 30_000);

      const storage = await PostgresStorage.connect(databaseUrl, 1);
      const lost = await lostIn(storage, `${w.id}/board`, phones);
      await storage.close();
      console.info(
        `[storm] fail-over: ${made(phones)} notes made, ${lost.length} lost, ${refusals(phones).length} refusals`,
      );
      expect(refusals(phones)).toEqual([]);
      expect(lost).toEqual([]);
    });
  },
);
