import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { DocHub } from '../../server/sync/DocHub';
import { createUpdateGuard } from '../../server/sync/guard/createGuard';

const facilitator = { workshopId: 'w', role: 'facilitator' as const };
const researcher = { workshopId: 'w', role: 'researcher' as const };

/** An update written by a fresh client, decoded as the connection hands it to the guard. */
function updateFrom(doc = new Y.Doc()) {
  doc.getMap('notes').set(`k${doc.clientID}`, 'tekst');
  return { doc, decoded: Y.decodeUpdate(Y.encodeStateAsUpdate(doc)) };
}

describe('guard: client-id claims', () => {
  it('claims a new client id at once, stores it, and refuses it to anyone else, also after a reload', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-claims-'));
    const storage = new SqliteStorage(dir);
    const hub = new DocHub(storage);
    const guard = createUpdateGuard({ storage, hub });
    const live = await hub.get('w/research');
    const { doc, decoded } = updateFrom();

    const first = await guard.prepare(facilitator, live, decoded);
    expect(first.check().reason).toBeNull();
    await first.recorded;
    expect((await storage.loadClaims('w/research')).get(doc.clientID)).toBe('facilitator');
    // Someone else writing under that id is refused, before anything is stored for them.
    expect((await guard.prepare(researcher, live, decoded)).check().reason).toMatch(/belongs to someone else/);

    // A fresh guard (a restart) reads the claim from storage.
    const again = createUpdateGuard({ storage, hub });
    expect((await again.prepare(researcher, live, decoded)).check().reason).toMatch(/belongs to someone else/);
    await storage.close();
  });

  it('claims the id again when storing the claim failed, so a claim is never only in memory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-claims-'));
    const real = new SqliteStorage(dir);
    const { doc, decoded } = updateFrom();
    let failed = false;
    // The real storage, with the writer's claim write failing once (a full disk).
    const storage = Object.assign(Object.create(real) as SqliteStorage, {
      claimClient: (d: string, id: number, owner: string) => {
        if (id !== doc.clientID || failed) return real.claimClient(d, id, owner);
        failed = true;
        return Promise.reject(new Error('disk full'));
      },
    });
    const hub = new DocHub(storage);
    const guard = createUpdateGuard({ storage, hub });
    const live = await hub.get('w/research');

    // Claims are made by a check that passes (a refused update claims nothing).
    const first = await guard.prepare(facilitator, live, decoded);
    expect(first.check().reason).toBeNull();
    await expect(first.recorded).rejects.toThrow('disk full');
    await live.idle();
    expect((await real.loadClaims('w/research')).has(doc.clientID)).toBe(false);

    const second = await guard.prepare(facilitator, live, decoded);
    expect(second.check().reason).toBeNull();
    await second.recorded;
    expect((await real.loadClaims('w/research')).get(doc.clientID)).toBe('facilitator');
    await real.close();
  });
});
