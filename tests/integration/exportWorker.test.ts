import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addItem, patchItem } from '../../shared/boardDoc';
import { initControl } from '../../shared/controlDoc';
import { DEFAULT_CONSENT_TEXT, DEFAULT_PROGRAMME } from '../../shared/template';
import { exportInWorker } from '../../server/export/runner';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import type { Storage } from '../../server/storage/Storage';
import { DocHub } from '../../server/sync/DocHub';
import { readResearcherPseudonyms } from '../../shared/research/researchDoc';
import { uploadStoreFor } from '../../server/uploads/store';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * Issue 15 / issue 13: an export reads and decodes the stored documents in the export process, over a read-only
 * connection of its own, not on the event loop. The main thread only waits until every accepted update is stored:
 * it never reads a log or a snapshot for an export, and the export still holds every write made just before it.
 */
const W = 'wexport';
const GROUP = 'g0';

let pgServer: TestPostgres;
const dirs: string[] = [];
beforeAll(async () => {
  pgServer = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pgServer?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The DATA_DIR each storage's photos would live under (files with SQLite; PostgreSQL keeps them in its table). */
const dataDirs = new Map<Storage, string>();
const storages: Record<string, () => Promise<Storage>> = {
  sqlite: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-export-'));
    dirs.push(dir);
    const s = new SqliteStorage(dir);
    dataDirs.set(s, dir);
    return s;
  },
  postgres: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-export-pg-'));
    dirs.push(dir);
    const s = await PostgresStorage.connect(await pgServer.createDatabase());
    dataDirs.set(s, dir);
    return s;
  },
};

/** A 1×1 PNG: the smallest photo the export embeds. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(Object.keys(storages))('an export on %s', (kind) => {
  it('is read from storage by the worker, with every write made up to the request', { timeout: 60_000 }, async () => {
    const storage = await storages[kind]!();
    const hub = new DocHub(storage);
    try {
      const control = await hub.get(`${W}/control`);
      control.doc.transact(() =>
        initControl(control.doc, {
          meta: {
            title: 'Export',
            joinCode: 'BBBBBB',
            joinOpen: true,
            consentText: DEFAULT_CONSENT_TEXT,
            source: 'test',
            createdAt: Date.now(),
          },
          programme: DEFAULT_PROGRAMME,
          groups: [{ id: GROUP, name: 'Groep' }],
        }),
      );
      const board = await hub.get(`${W}/board`);
      // The research document is not loaded: the export does not load it on this thread either.
      const t0 = Date.now();
      const note = (i: number) => ({
        id: `n${i}`,
        kind: 'note' as const,
        sessionId: 'opening',
        groupId: GROUP,
        authorId: null,
        createdAt: t0,
        updatedAt: t0,
        text: `notitie ${i}`,
      });
      for (let i = 0; i < 30; i++) board.doc.transact(() => addItem(board.doc, note(i)), { actor: 'facilitator' });
      // A snapshot halfway: the worker must apply it and only the log after it, as loading does.
      await board.snapshot();
      for (let i = 30; i < 60; i++) board.doc.transact(() => addItem(board.doc, note(i)), { actor: 'facilitator' });
      board.doc.transact(() => patchItem(board.doc, 'n5', { text: 'bijgewerkt' }, t0 + 1), { actor: 'facilitator' });

      // A stored photo (a vision's paper drawing): the worker reads it from where this storage keeps photos.
      const dataDir = dataDirs.get(storage)!;
      await uploadStoreFor(storage, dataDir).put(
        W,
        { uploadId: 'uphoto01', mime: 'image/png', size: PNG.length, by: 'facilitator', at: t0 },
        PNG,
      );
      board.doc.transact(() => addItem(board.doc, { ...note(60), text: 'tekening', uploadId: 'uphoto01' }), {
        actor: 'facilitator',
      });
      // A researcher's note on the board (as on a role pick): the worker gives them R1, the main thread stores it.
      board.doc.transact(
        () =>
          addItem(board.doc, {
            ...note(61),
            authorId: 'researcher',
            text: 'notitie van onderzoeker',
            researcherName: 'Marieke',
          }),
        { actor: 'facilitator' },
      );

      // Not awaited: the export itself waits until these writes are stored. The main thread reads nothing.
      const readLog = vi.spyOn(storage, 'readLog');
      const loadDoc = vi.spyOn(storage, 'loadDoc');
      const loaded = vi.spyOn(hub, 'get');
      const out = await exportInWorker(hub, storage, W, 'json', false, dataDir);
      const { damaged } = out;
      const body = await out.body();
      // The main thread reads only the small research document, and only because a new pseudonym must be stored.
      for (const spy of [readLog, loadDoc]) {
        expect(spy.mock.calls.every((c) => c[0] === `${W}/research`)).toBe(true);
      }
      // Only the small research document is touched here, to store the new pseudonym; the board is never loaded.
      expect(loaded.mock.calls.map((c) => c[0])).toEqual([`${W}/research`]);
      const research = await hub.get(`${W}/research`);
      expect(readResearcherPseudonyms(research.doc).get('Marieke')).toBe('R1');
      hub.release(research);

      const json = JSON.parse(body.toString('utf8')) as {
        items: Array<{
          id: string;
          text: string;
          image: string | null;
          author: string | null;
          upload: string | null;
          provenance: { edits: number; createdBy: string };
        }>;
      };
      expect(damaged).toEqual([]);
      expect(json.items).toHaveLength(62);
      // The photo is in the export on either storage (PostgreSQL: from its uploads table, every instance's).
      const photo = json.items.find((i) => i.id === 'n60')!;
      expect(json.items.find((i) => i.id === 'n61')!.author).toBe('R1');
      expect(photo.upload).toBe('uphoto01');
      expect(photo.image).toMatch(/^data:image\/png;base64,/);
      const n5 = json.items.find((i) => i.id === 'n5')!;
      expect(n5.text).toBe('bijgewerkt');
      // Provenance comes from the whole log (before and after the snapshot).
      expect(n5.provenance.edits).toBe(1);
      expect(n5.provenance.createdBy).toBe('facilitator');
      expect(json.items.find((i) => i.id === 'n59')!.provenance.createdBy).toBe('facilitator');
      // A workshop that does not exist: 404, not a failed export.
      await expect(exportInWorker(hub, storage, 'wnone', 'json', false)).rejects.toMatchObject({ status: 404 });
      hub.release(control);
      hub.release(board);
    } finally {
      await hub.flushAll();
      await storage.close();
    }
  });
});
