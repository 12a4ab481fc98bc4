import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { DocHub } from '../../server/sync/DocHub';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'werkplaats-storage-'));

describe('SQLite storage', () => {
  it('appends updates with actor and time, and loads them back in order', async () => {
    const s = new SqliteStorage(tmp());
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

  it('loads from the snapshot plus the updates after it', async () => {
    const dir = tmp();
    const s = new SqliteStorage(dir);
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

    const again = new DocHub(new SqliteStorage(dir));
    const reloaded = await again.get('w/board');
    expect(reloaded.doc.getArray('n').length).toBe(451);
    // The full log stays for replay, whatever the snapshots.
    expect((await new SqliteStorage(dir).readLog('w/board')).length).toBe(451);
  });

  it('loads each document once, however many ask at the same time', async () => {
    const hub = new DocHub(new SqliteStorage(tmp()));
    const [a, b, c] = await Promise.all([hub.get('w/x'), hub.get('w/x'), hub.get('w/x')]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(hub.loadedCount).toBe(1);
  });

  it('finds tokens by hash only', async () => {
    const s = new SqliteStorage(tmp());
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
  });
});
