import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStorage } from '../../server/storage/PostgresStorage';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { WorkshopDeleted, type Storage } from '../../server/storage/Storage';
import { DocHub } from '../../server/sync/DocHub';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

/** A place to keep data, and a way to open storage on it (again, as after a restart). */
interface Backend {
  place(): Promise<string>;
  open(place: string): Promise<Storage>;
  /** Writes a snapshot row as schema v2 did (Yjs V1 bytes, format 1), straight into the database. */
  writeLegacySnapshot(place: string, doc: string, upToSeq: number, v1: Uint8Array): Promise<void>;
}

let postgres: TestPostgres | null = null;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const BACKENDS: Array<[string, Backend]> = [
  [
    'SQLite',
    {
      place: async () => mkdtempSync(path.join(tmpdir(), 'werkplaats-storage-')),
      open: async (dir) => new SqliteStorage(dir),
      writeLegacySnapshot: async (dir, doc, upToSeq, v1) => {
        const db = new Database(path.join(dir, 'werkplaats.sqlite'));
        db.prepare('INSERT INTO snapshots (doc, up_to_seq, ts, data, format) VALUES (?, ?, 0, ?, 1)').run(
          doc,
          upToSeq,
          Buffer.from(v1),
        );
        db.close();
      },
    },
  ],
  [
    'PostgreSQL',
    {
      place: () => postgres!.createDatabase(),
      open: (url) => PostgresStorage.connect(url),
      writeLegacySnapshot: async (url, doc, upToSeq, v1) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query('INSERT INTO snapshots (doc, up_to_seq, ts, data, format) VALUES ($1, $2, 0, $3, 1)', [
          doc,
          upToSeq,
          Buffer.from(v1),
        ]);
        await c.end();
      },
    },
  ],
];

describe.each(BACKENDS)('%s storage', (_name, backend) => {
  const fresh = async () => backend.open(await backend.place());

  it('appends updates with actor and time, and loads them back in order', async () => {
    const s = await fresh();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getArray('a').push([1]);
    doc.getArray('a').push([2]);
    for (const [i, u] of updates.entries()) await s.appendUpdate('w/board', u, `participant:p${i}`, 100 + i);
    const log = await s.readLog('w/board');
    expect(log.map((l) => [l.actor, l.ts])).toEqual([
      ['participant:p0', 100],
      ['participant:p1', 101],
    ]);
    const loaded = new Y.Doc();
    for (const l of log) Y.applyUpdate(loaded, l.data);
    expect(loaded.getArray('a').toArray()).toEqual([1, 2]);
    await s.close();
  });

  it('keeps the order and sequence of appends made at the same moment (group commit)', async () => {
    const s = await fresh();
    const seqs = await Promise.all(
      Array.from({ length: 50 }, (_, i) => s.appendUpdate(i % 2 ? 'w/a' : 'w/b', new Uint8Array([i]), 'x', i)),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(50);
    expect((await s.readLog('w/a')).map((l) => l.data[0])).toEqual(Array.from({ length: 25 }, (_, i) => 2 * i + 1));
    await s.close();
  });

  it('stores what is queued when closed, and nothing fails after', async () => {
    const place = await backend.place();
    const s = await backend.open(place);
    const queued = s.appendUpdate('w/q', new Uint8Array([7]), 'x', 1);
    await s.close();
    await queued;
    // The turn the queued write had scheduled runs after close; it must find nothing to do.
    await new Promise((r) => setImmediate(r));
    const again = await backend.open(place);
    expect((await again.readLog('w/q')).map((l) => l.data[0])).toEqual([7]);
    await again.close();
  });

  it('loads a snapshot stored as Yjs V1 before schema v3, and stores new ones as V2', async () => {
    const place = await backend.place();
    const s = await backend.open(place);
    const source = new Y.Doc();
    source.getArray('n').push(['vóór de migratie']);
    await s.appendUpdate('w/old', Y.encodeStateAsUpdate(source), 'x', 1);
    await s.close();
    await backend.writeLegacySnapshot(place, 'w/old', 1, Y.encodeStateAsUpdate(source));

    const again = await backend.open(place);
    const stored = await again.loadDoc('w/old');
    expect(stored.updates).toHaveLength(0);
    const loaded = new Y.Doc();
    Y.applyUpdateV2(loaded, stored.snapshot!);
    expect(loaded.getArray('n').toArray()).toEqual(['vóór de migratie']);
    await again.saveSnapshot('w/old', Y.encodeStateAsUpdateV2(loaded), 1);
    const resaved = new Y.Doc();
    Y.applyUpdateV2(resaved, (await again.loadDoc('w/old')).snapshot!);
    expect(resaved.getArray('n').toArray()).toEqual(['vóór de migratie']);
    await again.close();
  });

  it('loads from the snapshot plus the updates after it', async () => {
    const place = await backend.place();
    const s = await backend.open(place);
    const hub = new DocHub(s);
    const live = await hub.get('w/board');
    for (let i = 0; i < 450; i++) live.doc.getArray('n').push([i]);
    await live.snapshot();
    live.doc.getArray('n').push(['after']);
    await live.idle();
    const stored = await s.loadDoc('w/board');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    await s.close();

    const again = await backend.open(place);
    const reloaded = await new DocHub(again).get('w/board');
    expect(reloaded.doc.getArray('n').length).toBe(451);
    // The full log stays for replay, whatever the snapshots.
    expect((await again.readLog('w/board')).length).toBe(451);
    await again.close();
  });

  it('loads each document once, however many ask at the same time', async () => {
    const s = await fresh();
    const hub = new DocHub(s);
    const [a, b, c] = await Promise.all([hub.get('w/x'), hub.get('w/x'), hub.get('w/x')]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(hub.loadedCount).toBe(1);
    await s.close();
  });

  it('unloads an idle document and loads it again on demand', async () => {
    const s = await fresh();
    const hub = new DocHub(s);
    const live = await hub.get('w/idle');
    live.doc.getMap('m').set('k', 'v');
    hub.release(live, 0);
    await expect.poll(() => hub.loadedCount).toBe(0);
    const again = await hub.get('w/idle');
    expect(again).not.toBe(live);
    expect(again.doc.getMap('m').get('k')).toBe('v');
    await s.close();
  });

  it('finds tokens by hash only', async () => {
    const s = await fresh();
    await s.createWorkshop({
      id: 'w1',
      title: 'T',
      joinCode: 'ACDEFG',
      createdAt: 1,
      tokens: { facilitator: 'f', screen: 's', researcher: 'r' },
    });
    await s.addToken('secret', { workshopId: 'w1', role: 'participant', participantId: 'p1' });
    expect(await s.findToken('secret')).toEqual({ workshopId: 'w1', role: 'participant', participantId: 'p1' });
    expect(await s.findToken('s')).toEqual({ workshopId: 'w1', role: 'screen' });
    expect(await s.findToken('nope')).toBeNull();
    expect((await s.findWorkshopByJoinCode('ACDEFG'))?.id).toBe('w1');
    expect((await s.getWorkshop('w1'))?.createdAt).toBe(1);
    await s.close();
  });

  it('lists every workshop, newest first', async () => {
    const s = await fresh();
    for (const [id, code, at] of [
      ['w1', 'ACDEFG', 1],
      ['w2', 'HJKMNP', 3],
      ['w3', 'QRSTUV', 2],
    ] as const)
      await s.createWorkshop({
        id,
        title: id,
        joinCode: code,
        createdAt: at,
        tokens: { facilitator: `f${id}`, screen: `s${id}`, researcher: `r${id}` },
      });
    expect((await s.listWorkshops()).map((w) => w.id)).toEqual(['w2', 'w3', 'w1']);
    // Renamed by the facilitator: the list shows the new title.
    await s.setWorkshopTitle('w3', 'Werkplaats Zaandam, dag 2');
    expect((await s.listWorkshops()).map((w) => w.title)).toEqual(['w2', 'Werkplaats Zaandam, dag 2', 'w1']);
    await s.close();
  });

  it('keeps the first claim of a Yjs client id, rotates staff tokens and revokes a participant', async () => {
    const s = await fresh();
    await s.createWorkshop({
      id: 'w1',
      title: 'T',
      joinCode: 'ACDEFH',
      createdAt: 1,
      tokens: { facilitator: 'f', screen: 's', researcher: 'r' },
    });
    expect(await s.claimClient('w1/board', 4242, 'participant:p1')).toBe('participant:p1');
    expect(await s.claimClient('w1/board', 4242, 'participant:p2')).toBe('participant:p1');
    expect(await s.claimClient('w1/own/p2', 4242, 'participant:p2')).toBe('participant:p2');
    await s.claimClient('w1/board', 2 ** 32 - 1, 'facilitator');
    expect(await s.loadClaims('w1/board')).toEqual(
      new Map([
        [4242, 'participant:p1'],
        [2 ** 32 - 1, 'facilitator'],
      ]),
    );
    expect(await s.loadClaims('w1/elsewhere')).toEqual(new Map());

    await s.rotateStaffTokens('w1', { screen: 's2' });
    expect(await s.findToken('s')).toBeNull();
    expect(await s.findToken('s2')).toEqual({ workshopId: 'w1', role: 'screen' });
    expect(await s.findToken('f')).toEqual({ workshopId: 'w1', role: 'facilitator' });
    expect((await s.getWorkshop('w1'))?.tokens.screen).toBe('s2');

    await s.addToken('phone', { workshopId: 'w1', role: 'participant', participantId: 'p1' });
    expect(await s.revokeParticipant('w1', 'p1')).toBe(1);
    expect(await s.findToken('phone')).toBeNull();
    await s.close();
  });

  it('merges one participant into another: tokens and board claims move in one transaction', async () => {
    const s = await fresh();
    await s.createWorkshop({
      id: 'w1',
      title: 'T',
      joinCode: 'ACDEFH',
      createdAt: 1,
      tokens: { facilitator: 'f', screen: 's', researcher: 'r' },
    });
    await s.addToken('old-phone', { workshopId: 'w1', role: 'participant', participantId: 'p2' });
    await s.addToken('other', { workshopId: 'w1', role: 'participant', participantId: 'p3' });
    await s.claimClient('w1/board', 11, 'participant:p2');
    await s.claimClient('w1/board', 12, 'participant:p3');
    await s.claimClient('w1/own/p2', 13, 'participant:p2');
    await s.mergeParticipant('w1', 'p2', 'p1', ['w1/board']);
    expect(await s.findToken('old-phone')).toEqual({ workshopId: 'w1', role: 'participant', participantId: 'p1' });
    expect(await s.findToken('other')).toEqual({ workshopId: 'w1', role: 'participant', participantId: 'p3' });
    expect(await s.loadClaims('w1/board')).toEqual(
      new Map([
        [11, 'participant:p1'],
        [12, 'participant:p3'],
      ]),
    );
    expect(await s.loadClaims('w1/own/p2')).toEqual(new Map([[13, 'participant:p2']]));
    await s.close();
  });

  it('rewrites a log in place and deletes a whole workshop', async () => {
    const s = await fresh();
    await s.createWorkshop({
      id: 'w2',
      title: 'T',
      joinCode: 'ACDEFJ',
      createdAt: 1,
      tokens: { facilitator: 'f2', screen: 's2', researcher: 'r2' },
    });
    const a = await s.appendUpdate('w2/board', new Uint8Array([1]), 'participant:p1', 10);
    const b = await s.appendUpdate('w2/board', new Uint8Array([2]), 'participant:p2', 11);
    await s.replaceLog(
      'w2/board',
      [
        { seq: a, ts: 10, actor: 'participant:p1', data: new Uint8Array([9]) },
        { seq: b, ts: 11, actor: 'participant:p2', data: new Uint8Array([2]) },
      ],
      null,
    );
    const log = await s.readLog('w2/board');
    expect(log.map((l) => [l.seq, l.actor, [...l.data]])).toEqual([
      [a, 'participant:p1', [9]],
      [b, 'participant:p2', [2]],
    ]);
    await s.claimClient('w2/board', 7, 'participant:p1');
    // Queued before the delete, committed after it (the next group commit): refused too.
    // (The expectation is attached at once: the refusal may come while the delete is still being flushed.)
    const queued = expect(s.appendUpdate('w2/board', new Uint8Array([4]), 'participant:p1', 12)).rejects.toBeInstanceOf(
      WorkshopDeleted,
    );
    await s.deleteWorkshop('w2');
    await queued;
    expect(await s.readLog('w2/board')).toEqual([]);
    expect(await s.getWorkshop('w2')).toBeNull();
    expect(await s.findToken('f2')).toBeNull();
    // Its tombstone stays: nothing is stored for it again (no claim, no update), on any instance.
    expect(await s.isWorkshopDeleted('w2')).toBe(true);
    await expect(s.claimClient('w2/board', 7, 'participant:p9')).rejects.toBeInstanceOf(WorkshopDeleted);
    await expect(s.appendUpdate('w2/board', new Uint8Array([3]), 'participant:p1', 12)).rejects.toBeInstanceOf(
      WorkshopDeleted,
    );
    expect(await s.readLog('w2/board')).toEqual([]);
    await s.close();
  });
});
