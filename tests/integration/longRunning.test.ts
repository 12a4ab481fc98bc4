import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { bindBoard } from '../../client/sync/bindBoard';
import { useBoardStore } from '../../client/store/boardStore';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/** Deleted structs that still hold their content: what would make memory grow with everything ever overwritten. */
const retainedDeleted = (doc: Y.Doc) =>
  [...doc.store.clients.values()]
    .flat()
    .filter((s) => s instanceof Y.Item && s.deleted && !(s.content instanceof Y.ContentDeleted)).length;

// What is measured: that the screen's Yjs store keeps no overwritten content (only a small tombstone per edit, which
// CRDTs need), its encoded size per edit, its zustand mirror (entries) and the awareness states it holds. Not the JS
// heap, which a test cannot pin down reliably.
describe('a screen left open for hours does not grow with history', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it('keeps tombstones only, never overwritten content, while thousands of edits stream in', async () => {
    server = await startServer({ limits: { updatesPerSecond: 100_000 } });
    w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Aïcha');
    // The facilitator's console writes here: only staff may bind a shared text to a field no schema names (`draft`).
    const phone = yClient(server.url, w.id, 'board', w.tokens.facilitator);
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(phone, screen);
    await Promise.all([phone, screen].map(synced));
    const unbind = bindBoard(screen.doc);
    open.push({ destroy: unbind });
    phone.doc.transact(() => {
      addItem(phone.doc, {
        id: 'n1',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: a.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        text: 'begin',
      });
      itemsMap(phone.doc).get('n1')?.set('draft', new Y.Text());
    });
    const m = itemsMap(phone.doc).get('n1')!;
    const draft = m.get('draft') as Y.Text;
    const EDITS = 3000;
    for (let i = 0; i < EDITS; i++) {
      phone.doc.transact(() => {
        m.set('text', `versie ${i} `.padEnd(200, '.'));
        m.set('updatedAt', Date.now());
        // Type a character and delete an old one: a text that keeps changing but stays short.
        draft.insert(draft.length, 'x');
        if (draft.length > 20) draft.delete(0, 1);
      });
    }
    await waitFor(() => String(itemsMap(screen.doc).get('n1')?.get('text')).startsWith(`versie ${EDITS - 1} `), {
      timeout: 15_000,
    });
    expect(String(itemsMap(screen.doc).get('n1')?.get('draft'))).toBe(draft.toString());
    // 3000 overwrites of a 200-character text: keeping them would be 600 kB; the screen keeps tombstones only.
    expect(retainedDeleted(screen.doc)).toBe(0);
    expect(Y.encodeStateAsUpdate(screen.doc).length / EDITS).toBeLessThan(40);
    expect(Object.keys(useBoardStore.getState().items)).toEqual(['n1']);
  });

  it('forgets the presence of people who left', async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
    const screen = yClient(server.url, w.id, 'board', w.tokens.screen);
    open.push(screen);
    await synced(screen);
    for (let round = 0; round < 3; round++) {
      const phones = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const p = await joinAs(server.url, w, `P${round}-${i}`);
          const c = yClient(server.url, w.id, 'board', p.token);
          c.provider.awareness.setLocalStateField('typing', true);
          return c;
        }),
      );
      await waitFor(() => screen.provider.awareness.getStates().size >= 9);
      for (const p of phones) p.destroy();
      await waitFor(() => screen.provider.awareness.getStates().size <= 1);
    }
  });
});
