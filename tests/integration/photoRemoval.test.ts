import { beforeEach, describe, expect, it } from 'vitest';
import { addItem, itemsMap, patchItem, readItem } from '../../shared/boardDoc';
import { PITCH } from '../../shared/exercises/pitch';
import type { JoinResponse } from '../../shared/protocol';
import { ioClient, joinAs, synced, waitFor, type YClient } from '../helpers/clients';
import { workshopPerTest } from '../helpers/workshopPerTest';

/**
 * Wrong content can be removed, and only by who may (docs/SECURITY.md, "Own content"): a pitch photo on the group's
 * shared pitch stays its uploader's (server/sync/guard/uploaderRule.ts), a vision photo and consult texts are their
 * author's; the facilitator may remove any of them. Real server, real Yjs clients.
 */
describe('removing photos and consult texts: the uploader, the author or the facilitator', () => {
  const room = workshopPerTest();
  let a: JoinResponse;
  let b: JoinResponse;
  const board = async (token: string) => {
    const cl = room.client('board', token);
    await synced(cl);
    return cl;
  };
  const goto = async (sessionId: string) => {
    const f = ioClient(room.server.url, room.w.tokens.facilitator);
    await f.connected();
    try {
      expect(await f.command({ type: 'session.goto', sessionId })).toEqual({ ok: true });
    } finally {
      f.close();
    }
  };
  const field = (c: YClient, id: string, f: string) => itemsMap(c.doc).get(id)?.get(f);

  beforeEach(async () => {
    a = await joinAs(room.server.url, room.w, 'Anouk', 0, 'formal');
    b = await joinAs(room.server.url, room.w, 'Bram', 0, 'informal');
  });

  it('a pitch photo: a teammate cannot take it off or replace it; its uploader and the facilitator can', async () => {
    await goto('pitch');
    const pa = ioClient(room.server.url, a.token);
    await pa.connected();
    expect(await pa.command({ type: 'exercise', sessionId: 'pitch', action: 'open' })).toEqual({ ok: true });
    pa.close();
    const reader = await board(room.w.tokens.researcher);
    await waitFor(() => [...itemsMap(reader.doc).values()].some((m) => m.get('kind') === PITCH));
    const id = [...itemsMap(reader.doc).values()].find((m) => m.get('kind') === PITCH)!.get('id') as string;

    const anouk = await board(a.token);
    anouk.doc.transact(() => patchItem(anouk.doc, id, { photoId: 'uphotoa1', photoBy: a.participantId }, Date.now()));
    await waitFor(() => field(reader, id, 'photoId') === 'uphotoa1');

    // Bram, in the same group, may write the pitch's text and keywords, but not take Anouk's photo off…
    const bram1 = await board(b.token);
    bram1.doc.transact(() => itemsMap(bram1.doc).get(id)!.delete('photoId'));
    await waitFor(() => bram1.closes.length > 0);
    // …nor replace it, nor claim it.
    const bram2 = await board(b.token);
    bram2.doc.transact(() => patchItem(bram2.doc, id, { photoId: 'uphotob1', photoBy: b.participantId }, Date.now()));
    await waitFor(() => bram2.closes.length > 0);
    const bram3 = await board(b.token);
    bram3.doc.transact(() => patchItem(bram3.doc, id, { keyword0: 'samen' }, Date.now()));
    await waitFor(() => field(reader, id, 'keyword0') === 'samen');
    expect(field(reader, id, 'photoId')).toBe('uphotoa1');
    expect(field(reader, id, 'photoBy')).toBe(a.participantId);
    const bram4 = await board(b.token);
    await waitFor(() => field(bram4, id, 'keyword0') === 'samen');

    // Anouk takes her own photo off.
    anouk.doc.transact(() => {
      const m = itemsMap(anouk.doc).get(id)!;
      m.delete('photoId');
      m.delete('photoBy');
    });
    await waitFor(() => field(reader, id, 'photoId') === undefined);
    expect(anouk.closes).toEqual([]);

    // Nobody adds a photo in someone else's name; in their own, a teammate can now.
    bram4.doc.transact(() => patchItem(bram4.doc, id, { photoId: 'uphotob2', photoBy: a.participantId }, Date.now()));
    await waitFor(() => bram4.closes.length > 0);
    const bram5 = await board(b.token);
    bram5.doc.transact(() => patchItem(bram5.doc, id, { photoId: 'uphotob3', photoBy: b.participantId }, Date.now()));
    await waitFor(() => field(reader, id, 'photoId') === 'uphotob3');
    expect(bram5.closes).toEqual([]);

    // The facilitator takes Bram's photo off.
    const facilitator = await board(room.w.tokens.facilitator);
    await waitFor(() => field(facilitator, id, 'photoId') === 'uphotob3');
    facilitator.doc.transact(() => {
      const m = itemsMap(facilitator.doc).get(id)!;
      m.delete('photoId');
      m.delete('photoBy');
    });
    await waitFor(() => field(reader, id, 'photoId') === undefined && field(reader, id, 'photoBy') === undefined);
    expect(facilitator.closes).toEqual([]);
  });

  it('a vision photo and consult texts: deleted by their author or the facilitator, never by someone else', async () => {
    const reader = await board(room.w.tokens.researcher);
    const anouk = await board(a.token);
    const groupId = room.w.groups[0]!.id;
    const add = (sessionId: string, id: string, kind: string, fields: Record<string, unknown>) => {
      const at = Date.now() - 30_000;
      anouk.doc.transact(() =>
        addItem(anouk.doc, {
          id,
          kind,
          sessionId,
          groupId,
          authorId: a.participantId,
          createdAt: at,
          updatedAt: at,
          ...fields,
        }),
      );
    };
    await goto('visie');
    add('visie', 'ph1', 'visionPhoto', { uploadId: 'uphoto01', mime: 'image/jpeg' });
    add('visie', 'ph2', 'visionPhoto', { uploadId: 'uphoto02', mime: 'image/png' });
    await waitFor(() => itemsMap(reader.doc).has('ph1') && itemsMap(reader.doc).has('ph2'));
    // Bram (same cooperation) cannot delete Anouk's photo.
    const bram = await board(b.token);
    bram.doc.transact(() => itemsMap(bram.doc).delete('ph1'));
    await waitFor(() => bram.closes.length > 0);
    expect(itemsMap(reader.doc).has('ph1')).toBe(true);
    // Anouk deletes one, the facilitator the other.
    anouk.doc.transact(() => itemsMap(anouk.doc).delete('ph1'));
    await waitFor(() => !itemsMap(reader.doc).has('ph1'));
    const facilitator = await board(room.w.tokens.facilitator);
    await waitFor(() => itemsMap(facilitator.doc).has('ph2'));
    facilitator.doc.transact(() => itemsMap(facilitator.doc).delete('ph2'));
    await waitFor(() => !itemsMap(reader.doc).has('ph2'));

    await goto('consult');
    add('consult', 'adv1', 'consultAdvice', { round: 1, hostId: groupId, text: 'Via de moskee' });
    add('consult', 'tk1', 'consultTakeaway', { text: 'Vaker langsgaan', consultKeys: [`1:${groupId}`] });
    await waitFor(() => itemsMap(facilitator.doc).has('adv1') && itemsMap(facilitator.doc).has('tk1'));
    // The facilitator corrects one and removes the other.
    facilitator.doc.transact(() =>
      patchItem(facilitator.doc, 'adv1', { text: 'Via de moskee en de club' }, Date.now()),
    );
    facilitator.doc.transact(() => itemsMap(facilitator.doc).delete('tk1'));
    await waitFor(
      () => !itemsMap(reader.doc).has('tk1') && field(reader, 'adv1', 'text') === 'Via de moskee en de club',
    );
    // Someone else still cannot.
    const bram2 = await board(b.token);
    bram2.doc.transact(() => itemsMap(bram2.doc).delete('adv1'));
    await waitFor(() => bram2.closes.length > 0);
    expect(readItem(itemsMap(reader.doc).get('adv1')!).text).toBe('Via de moskee en de club');
    expect([anouk.closes, facilitator.closes]).toEqual([[], []]);
  });
});
