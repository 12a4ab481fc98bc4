import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import {
  EVENTS,
  WS_CLOSE,
  type CreateWorkshopResponse,
  type HandsPayload,
  type SummonPayload,
} from '../../shared/protocol';
import { tallyVotes, VOTE } from '../../shared/toolkit/votes';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('facilitation toolkit over the real server', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];
  const io = async (token: string) => {
    const c = ioClient(server.url, token);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };
  const doc = async (name: string, token: string) => {
    const c = yClient(server.url, w.id, name, token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };
  const state = (c: YClient) => readControl(c.doc).state;

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  it('keeps who is ready, and clears it at every phase and session change', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const b = await joinAs(server.url, w, 'Bram', 1);
    const pa = await io(a.token);
    const pb = await io(b.token);
    const screen = await doc('control', w.tokens.screen);

    expect(await pa.command({ type: 'ready.set', ready: true })).toEqual({ ok: true });
    expect(await pb.command({ type: 'ready.set', ready: true })).toEqual({ ok: true });
    await waitFor(() => state(screen)?.ready?.length === 2);
    expect(await pb.command({ type: 'ready.set', ready: false })).toEqual({ ok: true });
    await waitFor(() => state(screen)?.ready?.join() === a.participantId);
    // Only participants have a ready signal.
    expect(await f.command({ type: 'ready.set', ready: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await f.command({ type: 'phase.set', phase: 'second' });
    await waitFor(() => state(screen)?.phase === 'second' && state(screen)?.ready?.length === 0);

    await pa.command({ type: 'ready.set', ready: true });
    await waitFor(() => state(screen)?.ready?.length === 1);
    await f.command({ type: 'session.next' });
    await waitFor(() => state(screen)?.currentSessionId === 'pitch');
    expect(state(screen)?.ready).toEqual([]);
    // The pitch session starts in its exercise's first phase.
    expect(state(screen)?.phase).toBe('prepare');
  });

  it('summons every phone, and carries raised hands to staff and back', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha');
    const pa = await io(a.token);
    const researcher = await io(w.tokens.researcher);
    const summons: SummonPayload[] = [];
    pa.socket.on(EVENTS.summon, (s: SummonPayload) => summons.push(s));
    const staffHands: HandsPayload[] = [];
    researcher.socket.on(EVENTS.hands, (h: HandsPayload) => staffHands.push(h));
    const myHand: boolean[] = [];
    pa.socket.on(EVENTS.hand, (h: { raised: boolean }) => myHand.push(h.raised));

    expect(await f.command({ type: 'summon', itemId: 'i123' })).toEqual({ ok: true });
    await waitFor(() => summons.length === 1);
    expect(summons[0]).toMatchObject({ sessionId: 'opening', itemId: 'i123' });
    // Phones cannot summon.
    expect(await pa.command({ type: 'summon' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await pa.command({ type: 'hand.raise', raised: true })).toEqual({ ok: true });
    await waitFor(() => staffHands.at(-1)?.raised[0]?.participantId === a.participantId);
    await waitFor(() => myHand.at(-1) === true);
    expect(await f.command({ type: 'hand.lower', participantId: a.participantId })).toEqual({ ok: true });
    await waitFor(() => staffHands.at(-1)?.raised.length === 0);
    await waitFor(() => myHand.at(-1) === false);
  });

  it('keeps private drafts off every other connection until the facilitator reveals them', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const b = await joinAs(server.url, w, 'Bram', 0);
    expect(await f.command({ type: 'private.set', on: true })).toEqual({ ok: true });

    const ownA = await doc(`own/${a.participantId}`, a.token);
    const boardB = await doc('board', b.token);
    const screenBoard = await doc('board', w.tokens.screen);
    // Everything B's phone receives, byte for byte, so we can assert the draft never passed through it.
    const receivedByB: Uint8Array[] = [];
    boardB.doc.on('update', (u: Uint8Array) => receivedByB.push(u));

    const secret = 'Mijn geheime eerste gedachte';
    ownA.doc.transact(() =>
      addItem(ownA.doc, {
        id: 'draftA1',
        kind: 'note',
        sessionId: 'opening',
        groupId: w.groups[0]!.id,
        authorId: a.participantId,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        text: secret,
      }),
    );
    // The facilitator (staff) can read the draft; B cannot even open A's document.
    const staffView = await doc(`own/${a.participantId}`, w.tokens.facilitator);
    await waitFor(() => itemsMap(staffView.doc).has('draftA1'));
    const snoop = yClient(server.url, w.id, `own/${a.participantId}`, b.token);
    cleanup.push(() => snoop.destroy());
    await waitFor(() => snoop.closes.some((c) => c.code === 4403));
    expect(itemsMap(snoop.doc).size).toBe(0);

    // A marker write on the board proves B's connection is live and caught up, yet holds no draft.
    const marker = await doc('board', a.token);
    marker.doc.transact(() =>
      addItem(marker.doc, {
        id: 'marker',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: a.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        text: 'zichtbaar',
      }),
    );
    await waitFor(() => itemsMap(boardB.doc).has('marker'));
    const seen = () => receivedByB.map((u) => Buffer.from(u).toString('utf8')).join('');
    expect(seen()).not.toContain(secret);
    expect(itemsMap(boardB.doc).has('draftA1')).toBe(false);
    expect(itemsMap(screenBoard.doc).has('draftA1')).toBe(false);

    expect(await f.command({ type: 'reveal' })).toEqual({ ok: true });
    await waitFor(() => itemsMap(boardB.doc).has('draftA1'));
    const revealed = readItems(boardB.doc).find((i) => i.id === 'draftA1');
    expect(revealed).toMatchObject({ authorId: a.participantId, text: secret, kind: 'note' });
    await waitFor(() => itemsMap(ownA.doc).size === 0);
    const control = await doc('control', w.tokens.screen);
    expect(state(control)?.privateWriting).toBe(false);
  });

  it('takes anonymous dots through the server, within the budget, with no author', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const pa = await io(a.token);
    const board = await doc('board', a.token);
    board.doc.transact(() =>
      addItem(board.doc, {
        id: 'target1',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: a.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        text: 'idee',
      }),
    );
    const screen = await doc('board', w.tokens.screen);
    await waitFor(() => itemsMap(screen.doc).has('target1'));

    // No vote open yet.
    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: 1 })).toMatchObject({ ok: false });
    const voting = { setId: 'ideas', budget: 2, maxPerItem: 2, anonymous: true };
    expect(await f.command({ type: 'vote.open', voting })).toEqual({ ok: true });
    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: 1 })).toEqual({ ok: true });
    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: 1 })).toEqual({ ok: true });
    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await waitFor(() => tallyVotes(readItems(screen.doc), voting).get('target1') === 2);
    const votes = readItems(screen.doc).filter((i) => i.kind === VOTE);
    expect(votes.every((v) => v.authorId === null && v.groupId === null)).toBe(true);
    expect(JSON.stringify(votes)).not.toContain(a.participantId);

    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: -1 })).toEqual({ ok: true });
    await waitFor(() => tallyVotes(readItems(screen.doc), voting).get('target1') === 1);

    // A modified client aiming a dot at something the exercise does not put to the vote (here: a dot itself) is
    // refused, and nothing is written.
    const dot = readItems(screen.doc).find((i) => i.kind === VOTE)!;
    const before = itemsMap(screen.doc).size;
    expect(await pa.command({ type: 'vote.cast', targetId: dot.id, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await pa.command({ type: 'vote.cast', targetId: 'target1', delta: 1 })).toEqual({ ok: true });
    await waitFor(() => tallyVotes(readItems(screen.doc), voting).get('target1') === 2);
    expect(itemsMap(screen.doc).size).toBe(before + 1);
  });

  it("takes a phone's own dot only on what its session puts to the vote (a modified client, plain Yjs)", async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const board = await doc('board', a.token);
    const screen = await doc('board', w.tokens.screen);
    const now = Date.now() + 1;
    const base = { sessionId: 'opening', groupId: null, authorId: a.participantId, createdAt: now, updatedAt: now };
    board.doc.transact(() => addItem(board.doc, { ...base, id: 'idea1', kind: 'note', text: 'idee' }));
    await waitFor(() => itemsMap(screen.doc).has('idea1'));
    expect(
      await f.command({ type: 'vote.open', voting: { setId: 'v1', budget: 5, maxPerItem: 5, anonymous: false } }),
    ).toEqual({
      ok: true,
    });
    const dot = (on: YClient, id: string, targetId: string, sessionId = 'opening') =>
      on.doc.transact(() =>
        addItem(on.doc, { ...base, sessionId, id, kind: VOTE, setId: 'v1', targetId } as Parameters<typeof addItem>[1]),
      );
    // On a note of the opening wall: taken.
    dot(board, 'dot-ok', 'idea1');
    await waitFor(() => itemsMap(screen.doc).has('dot-ok'));
    // On a dot, on nothing, and on the note from another session (each from a tab of its own: a refused update is
    // not applied, so what its client writes after it depends on something the server never took): each refused.
    for (const [id, target, session] of [
      ['dot-on-dot', 'dot-ok', 'opening'],
      ['dot-on-nothing', 'no-such-item', 'opening'],
      ['dot-elsewhere', 'idea1', 'kader'],
    ] as const) {
      const tab = await doc('board', a.token);
      dot(tab, id, target, session);
      await waitFor(() => tab.closes.some((c) => c.code === WS_CLOSE.refusedWrite && c.reason.includes('no dots')));
    }
    // A later, fine write of the phone arrives; the refused ones never do.
    board.doc.transact(() => addItem(board.doc, { ...base, id: 'idea2', kind: 'note', text: 'nog een idee' }));
    await waitFor(() => itemsMap(screen.doc).has('idea2'));
    for (const id of ['dot-on-dot', 'dot-on-nothing', 'dot-elsewhere'])
      expect(itemsMap(screen.doc).has(id)).toBe(false);
    expect(tallyVotes(readItems(screen.doc), { setId: 'v1', budget: 5, maxPerItem: 5 })).toEqual(
      new Map([['idea1', 1]]),
    );
    // Drafted in private writing (the phone's own document): at reveal the dot on the note lands, the dot on a dot
    // stays with its writer.
    expect(await f.command({ type: 'private.set', on: true })).toEqual({ ok: true });
    const own = await doc(`own/${a.participantId}`, a.token);
    dot(own, 'draft-dot-ok', 'idea1');
    dot(own, 'draft-dot-on-dot', 'dot-ok');
    const staffView = await doc(`own/${a.participantId}`, w.tokens.facilitator);
    await waitFor(() => itemsMap(staffView.doc).has('draft-dot-on-dot'));
    expect(await f.command({ type: 'reveal' })).toEqual({ ok: true });
    await waitFor(() => itemsMap(screen.doc).has('draft-dot-ok'));
    await waitFor(() => itemsMap(own.doc).size === 1);
    expect(itemsMap(own.doc).has('draft-dot-on-dot')).toBe(true);
    expect(itemsMap(screen.doc).has('draft-dot-on-dot')).toBe(false);
  });

  it('refuses to open a dot vote where the exercise has nothing votable, with its own code; closing always works', async () => {
    const f = await io(w.tokens.facilitator);
    const screen = await doc('control', w.tokens.screen);
    const voting = { setId: 'v1', budget: 3, maxPerItem: 2, anonymous: false };
    for (const sessionId of ['pitch', 'vooroordelen', 'afsluiting']) {
      expect(await f.command({ type: 'session.goto', sessionId })).toEqual({ ok: true });
      expect(await f.command({ type: 'vote.open', voting })).toMatchObject({
        ok: false,
        error: { code: 'nothing_to_vote' },
      });
      expect(await f.command({ type: 'vote.open', voting: null })).toEqual({ ok: true });
    }
    await waitFor(() => state(screen)?.currentSessionId === 'afsluiting');
    expect(state(screen)?.voting).toBeNull();
    // Where there is something to put dots on (the kader's questions, the tree's cards), the vote opens.
    for (const sessionId of ['kader', 'boom']) {
      expect(await f.command({ type: 'session.goto', sessionId })).toEqual({ ok: true });
      expect(await f.command({ type: 'vote.open', voting: { ...voting, setId: sessionId } })).toEqual({ ok: true });
      await waitFor(() => state(screen)?.voting?.setId === sessionId);
    }
  });
});
