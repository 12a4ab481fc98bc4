import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { ACK_MESSAGE } from '../../client/sync/acks';
import type { JoinResponse } from '../../shared/protocol';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

const run = promisify(execFile);
const PHONES = 20;

/**
 * `npm run backup -- FILE` while 20 real phones write to a real server: restored as docs/OPERATIONS.md says (the file
 * copied to DATA_DIR/werkplaats.sqlite of a stopped server), the new server has every update the server had
 * acknowledged (message 100, client/sync/acks.ts) before the backup started.
 */
describe('online backup', { timeout: 180_000 }, () => {
  const phones: YClient[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const p of phones) p.destroy();
    for (const s of servers) await s.close();
  });

  it('is consistent while 20 phones write, and restores every acknowledged update', async () => {
    const server = await startServer();
    servers.push(server);
    const w = await createWorkshop(server.url, server.organiserKey);
    const people: JoinResponse[] = [];
    for (let i = 0; i < PHONES; i++) people.push(await joinAs(server.url, w, `Telefoon ${i}`, i % 3));
    // Per phone: the highest clock of its own client id the server acknowledged, and what it wrote up to which clock.
    const acked = new Array<number>(PHONES).fill(0);
    const written: Array<Array<{ id: string; clock: number }>> = people.map(() => []);
    people.forEach((p, i) => {
      const c = yClient(server.url, w.id, 'board', p.token);
      phones.push(c);
      c.provider.messageHandlers[ACK_MESSAGE] = (_encoder, decoder) => {
        const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        acked[i] = Math.max(acked[i]!, sv.get(c.doc.clientID) ?? 0);
      };
    });
    await Promise.all(phones.map(synced));

    // The phones write round-robin, a note every few milliseconds, until told to stop (load, not waiting).
    let n = 0;
    const writer = setInterval(() => {
      const i = n++ % PHONES;
      const c = phones[i]!;
      const id = `p${i}-${written[i]!.length}`;
      c.doc.transact(() =>
        addItem(c.doc, {
          id,
          kind: 'note',
          sessionId: 'opening',
          groupId: null,
          authorId: people[i]!.participantId,
          createdAt: Date.now(),
          updatedAt: Date.now(),
          text: `${id}: wat we hier vonden`,
        }),
      );
      written[i]!.push({ id, clock: Y.getState(c.doc.store, c.doc.clientID) });
    }, 3);

    const ackedItems = (marks: number[]) =>
      written.flatMap((list, i) => list.filter((x) => x.clock <= marks[i]!).map((x) => x.id));
    try {
      // Every phone has something acknowledged before the backup starts.
      await waitFor(() => acked.every((a) => a > 0) && ackedItems(acked).length >= 100, { timeout: 30_000 });
      const before = [...acked];
      const mustHave = ackedItems(before);

      const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-backup-'));
      const file = path.join(dir, 'werkplaats-backup.sqlite');
      const { stdout } = await run('npm', ['run', '--silent', 'backup', '--', file], {
        env: { ...process.env, DATA_DIR: server.dataDir },
      });
      expect(stdout).toMatch(/Backup of .* written to .*: \d+ bytes, 1 workshop\(s\)/);
      // The phones kept writing (and being acknowledged) while the backup ran.
      const during = ackedItems(acked).length;
      expect(during).toBeGreaterThan(mustHave.length);
      expect(existsSync(`${file}-wal`)).toBe(false);

      // A backup never overwrites.
      await expect(
        run('npm', ['run', '--silent', 'backup', '--', file], { env: { ...process.env, DATA_DIR: server.dataDir } }),
      ).rejects.toMatchObject({ stderr: expect.stringMatching(/exists already/) });

      clearInterval(writer);
      const clientIds = phones.map((c) => c.doc.clientID);
      for (const p of phones.splice(0)) p.destroy();
      await server.close();
      servers.pop();

      // Restore as documented: a stopped server's DATA_DIR gets the file as werkplaats.sqlite.
      const restoredDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-restored-'));
      copyFileSync(file, path.join(restoredDir, 'werkplaats.sqlite'));
      const restored = await startServer({ dataDir: restoredDir });
      servers.push(restored);
      const facilitator = yClient(restored.url, w.id, 'board', w.tokens.facilitator);
      phones.push(facilitator);
      await synced(facilitator);
      const sv = Y.decodeStateVector(Y.encodeStateVector(facilitator.doc));
      const items = itemsMap(facilitator.doc);
      const missing = mustHave.filter((id) => !items.has(id));
      expect(missing).toEqual([]);
      expect(items.size).toBeGreaterThanOrEqual(mustHave.length);
      // And in Yjs terms: the restored state covers every phone's acknowledged clock.
      clientIds.forEach((c, i) => expect(sv.get(c) ?? 0, `phone ${i}`).toBeGreaterThanOrEqual(before[i]!));

      // The restored server works on: a phone's token from before the backup still writes, and is acknowledged.
      const again = yClient(restored.url, w.id, 'board', people[0]!.token);
      phones.push(again);
      let ackedAgain = 0;
      again.provider.messageHandlers[ACK_MESSAGE] = (_encoder, decoder) => {
        ackedAgain = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(again.doc.clientID) ?? 0;
      };
      await synced(again);
      again.doc.transact(() =>
        addItem(again.doc, {
          id: 'after-restore',
          kind: 'note',
          sessionId: 'opening',
          groupId: null,
          authorId: people[0]!.participantId,
          createdAt: Date.now(),
          updatedAt: Date.now(),
          text: 'na het terugzetten',
        }),
      );
      await waitFor(() => ackedAgain >= Y.getState(again.doc.store, again.doc.clientID));
    } finally {
      clearInterval(writer);
    }
  });
});
