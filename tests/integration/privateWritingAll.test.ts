import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems, type Item } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { STRENGTH_DIMENSIONS } from '../../shared/catalogue/strengths';
import { CLOSING_SUMMARY, closingSummaryFields } from '../../shared/exercises/closing';
import {
  CONSULT_ADVICE,
  CONSULT_QUESTION,
  CONSULT_TAKEAWAY,
  consultAdviceFields,
  consultQuestionFields,
  consultTakeawayFields,
} from '../../shared/exercises/consult';
import { PLAN_STEP, planStepFields } from '../../shared/exercises/actionPlan';
import { ROLE_PICK, rolePickFields } from '../../shared/exercises/roleMarket';
import {
  PEN_COLOURS,
  VISION_LABEL,
  VISION_PHOTO,
  VISION_STROKE,
  visionLabelFields,
  visionPhotoFields,
  visionStrokeFields,
} from '../../shared/exercises/vision';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { castVote } from '../../client/components/toolkit/voteActions';
import { addDayTwoItem, patchDayTwoItem } from '../../client/exercises/dayTwo/boardWrites';
import { postQuestion } from '../../client/exercises/framework/actions';
import { postReaction } from '../../client/exercises/pitch/actions';
import { postStrength, proposeRole, togglePlusOne } from '../../client/exercises/strengths/actions';
import { addTreeItem } from '../../client/exercises/tree/actions';
import { useControlStore } from '../../client/store/controlStore';
import { useLiveStore } from '../../client/store/liveStore';
import { setActiveWorkshop } from '../../client/sync/activeWorkshop';
import { bindControl } from '../../client/sync/bindControl';
import { postNote } from '../../client/sync/boardActions';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, writeAsServer, type TestServer } from '../helpers/startServer';

// The vote action's module loads the client's i18n, which sets <html lang>: a page's one global it needs here.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: { setAttribute: () => undefined } };
});

/**
 * Private writing in every exercise that offers it, through the exercises' own client write functions (the code a
 * phone runs), against the real server with real Yjs clients: nothing of a draft reaches another phone, the screen or
 * the researcher before the reveal, and the reveal shows all of it.
 */
describe('private writing holds in every exercise', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];
  const doc = async (name: string, token: string) => {
    const c = yClient(server.url, w.id, name, token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };
  const io = async (token: string) => {
    const c = ioClient(server.url, token);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    setActiveWorkshop(null);
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  /** A's phone as the client runs it: board, own document and control bound to the stores, role participant. */
  async function phone(p: JoinResponse) {
    const board = await doc('board', p.token);
    const own = await doc(`own/${p.participantId}`, p.token);
    const control = await doc('control', p.token);
    cleanup.push(bindControl(control.doc));
    useLiveStore.setState({
      hello: { role: 'participant', workshopId: w.id, participantId: p.participantId, protocol: 1 } as never,
    });
    setActiveWorkshop({ workshopId: w.id, board: board.doc, own: own.doc, socket: null as unknown as Socket });
    return { board, own, control };
  }

  /** Everything a connection receives, as text, to prove a secret never passed through it. */
  function record(c: YClient): () => string {
    const seen: Uint8Array[] = [];
    c.doc.on('update', (u: Uint8Array) => seen.push(u));
    return () => seen.map((u) => Buffer.from(u).toString('utf8')).join('');
  }

  it('keeps every kind of draft off other phones, the screen and the researcher until the reveal', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const b = await joinAs(server.url, w, 'Bram', 0);
    const group = w.groups[0]!.id;
    // A strength on the board (before private writing), so A can give it a +1 in private.
    const staffBoard = await doc('board', w.tokens.facilitator);
    staffBoard.doc.transact(() =>
      addItem(staffBoard.doc, {
        id: 'publicStrength',
        kind: 'strength',
        sessionId: 'opening',
        groupId: null,
        authorId: 'facilitator',
        createdAt: Date.now(),
        updatedAt: Date.now(),
        text: 'openbaar',
        dimension: STRENGTH_DIMENSIONS[0]!.id,
        aboutSide: 'formal',
      }),
    );
    // A note of the opening wall on the board, for A's dot in private (a dot lands only on what the session puts to
    // the vote: the opening's notes).
    staffBoard.doc.transact(() =>
      addItem(staffBoard.doc, {
        id: 'publicNote',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: 'facilitator',
        createdAt: Date.now(),
        updatedAt: Date.now(),
        text: 'openbare notitie',
      }),
    );

    const observers = {
      phoneB: await doc('board', b.token),
      screen: await doc('board', w.tokens.screen),
      researcher: await doc('board', w.tokens.researcher),
    };
    const seen = Object.fromEntries(Object.entries(observers).map(([k, c]) => [k, record(c)]));
    await waitFor(
      () => itemsMap(observers.phoneB.doc).has('publicStrength') && itemsMap(observers.phoneB.doc).has('publicNote'),
    );

    const mine = await phone(a);
    expect(await f.command({ type: 'private.set', on: true })).toEqual({ ok: true });
    await waitFor(() => useControlStore.getState().state?.privateWriting === true);

    const who = { sessionId: 'opening', groupId: group, authorId: a.participantId };
    const secret = (k: string) => `GEHEIM-${k}-${a.participantId}`;
    const ids: Record<string, string> = {};
    const take = (k: string, res: { ok: boolean; id?: string }) => {
      expect(res, k).toMatchObject({ ok: true });
      if (res.id) ids[k] = res.id;
    };
    // The id of the item a function without a result just wrote (wherever it went).
    const newest = (kind: string) =>
      [...readItems(mine.own.doc), ...readItems(mine.board.doc)]
        .filter((i) => i.kind === kind && i.authorId === a.participantId)
        .sort((x, y) => x.createdAt - y.createdAt)
        .at(-1)?.id;

    // noteWall, framework, pitch (reactions), strengths, tree: the day-one exercises.
    take('note', postNote({ ...who, text: secret('note') }));
    expect(postQuestion({ ...who, text: secret('question') })).toBe(true);
    ids.question = newest('question')!;
    expect(
      postReaction({ ...who, targetGroupId: w.groups[1]!.id, reaction: 'question', text: secret('reaction') }),
    ).toBe(true);
    ids.reaction = newest('pitchReaction')!;
    take(
      'strength',
      postStrength(who, { text: secret('strength'), dimension: STRENGTH_DIMENSIONS[0]!.id, aboutSide: 'informal' }),
    );
    take('role', proposeRole(who, { name: 'Rol', description: secret('role'), side: 'formal', strengthIds: [] }));
    take('plusOne', togglePlusOne(who, 'publicStrength'));
    take('tree', addTreeItem(who, { text: secret('tree'), zone: 'roots', treeGroupId: 'tg1' }));
    // Day two: role market, consult, vision, closing.
    take(
      'pick',
      addDayTwoItem(
        rolePickFields,
        { kind: ROLE_PICK, ...who },
        { roleId: 'r1', whoParty: 'Wijk', why: secret('pick') },
      ),
    );
    const ref = { round: 1, hostId: w.groups[1]!.id };
    take(
      'cq',
      addDayTwoItem(consultQuestionFields, { kind: CONSULT_QUESTION, ...who }, { ...ref, text: secret('cq') }),
    );
    take('ca', addDayTwoItem(consultAdviceFields, { kind: CONSULT_ADVICE, ...who }, { ...ref, text: secret('ca') }));
    take(
      'ct',
      addDayTwoItem(consultTakeawayFields, { kind: CONSULT_TAKEAWAY, ...who }, { text: secret('ct'), consultKeys: [] }),
    );
    take(
      'label',
      addDayTwoItem(
        visionLabelFields,
        { kind: VISION_LABEL, ...who },
        { x: 10, y: 10, text: secret('label'), colour: PEN_COLOURS[0] },
      ),
    );
    take(
      'stroke',
      addDayTwoItem(
        visionStrokeFields,
        { kind: VISION_STROKE, ...who },
        { points: [1, 2, 3, 4], colour: PEN_COLOURS[1], width: 3 },
      ),
    );
    take(
      'photo',
      addDayTwoItem(
        visionPhotoFields,
        { kind: VISION_PHOTO, ...who },
        { uploadId: 'uabcdef123', mime: 'image/jpeg', caption: secret('photo') },
      ),
    );
    take(
      'summary',
      addDayTwoItem(
        closingSummaryFields,
        { kind: CLOSING_SUMMARY, ...who },
        { by: 'spokesperson', name: 'Aïcha', text: secret('summary') },
      ),
    );
    // The toolkit's named dot vote.
    expect(
      await castVote({
        voting: { setId: 'v1', budget: 3, maxPerItem: 3, anonymous: false },
        sessionId: 'opening',
        participantId: a.participantId,
        targetId: 'publicNote',
        delta: 1,
      }),
    ).toBe(true);
    ids.vote = newest('vote')!;

    // Each write has reached the server: in A's own document (staff can read it there), or — a leak — the board.
    const staffOwn = await doc(`own/${a.participantId}`, w.tokens.facilitator);
    const all = Object.entries(ids);
    await waitFor(() =>
      all.every(([, id]) => itemsMap(staffOwn.doc).has(id) || itemsMap(observers.screen.doc).has(id)),
    );

    // A marker written after the drafts: once every observer has it, they are caught up, and hold no draft.
    staffBoard.doc.transact(() =>
      addItem(staffBoard.doc, {
        id: 'marker',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: 'facilitator',
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        text: 'zichtbaar',
      }),
    );
    for (const [name, c] of Object.entries(observers)) {
      await waitFor(() => itemsMap(c.doc).has('marker'));
      for (const [k, id] of all) expect(itemsMap(mine.board.doc).has(id), `A's board copy has draft ${k}`).toBe(false);
      const bytes = seen[name]!();
      for (const [k, id] of all) {
        expect(itemsMap(c.doc).has(id), `${name} has draft ${k}`).toBe(false);
        expect(bytes, `${name} received draft ${k}`).not.toContain(id);
        expect(bytes, `${name} received text of ${k}`).not.toContain(secret(k));
      }
    }

    // The reveal shows all of it, everywhere, as A's items in A's group.
    expect(await f.command({ type: 'reveal' })).toEqual({ ok: true });
    for (const [name, c] of Object.entries(observers)) {
      await waitFor(() => all.every(([, id]) => itemsMap(c.doc).has(id)));
      const items = new Map(readItems(c.doc).map((i) => [i.id, i]));
      for (const [k, id] of all) {
        const i = items.get(id) as Item;
        expect(i.authorId, `${name} ${k}`).toBe(a.participantId);
        expect(i.groupId, `${name} ${k}`).toBe(k === 'vote' ? null : group);
        if (!['plusOne', 'stroke', 'vote'].includes(k)) expect(JSON.stringify(i), `${name} ${k}`).toContain(secret(k));
      }
    }
    await waitFor(() => itemsMap(mine.own.doc).size === 0);
    expect(readControl(mine.control.doc).state?.privateWriting).toBe(false);
  });

  it('keeps what a cooperation shares on the board while private writing is on', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const b = await joinAs(server.url, w, 'Bram', 0);
    const boardB = await doc('board', b.token);
    const mine = await phone(a);
    expect(await f.command({ type: 'private.set', on: true })).toEqual({ ok: true });
    await waitFor(() => useControlStore.getState().state?.privateWriting === true);
    // A plan step is the cooperation's together (`editableBy: 'group'`): not a draft (the phone's notice says so).
    const step = addDayTwoItem(
      planStepFields,
      { kind: PLAN_STEP, sessionId: 'opening', groupId: w.groups[0]!.id, authorId: a.participantId },
      {
        what: 'Samen naar de moskee',
        whoParty: 'Wijkteam',
        when: 'mei',
        firstStep: true,
        roleIds: [],
        editableBy: 'group',
      },
    );
    expect(step).toMatchObject({ ok: true, private: false });
    const id = step.ok ? step.id : '';
    await waitFor(() => itemsMap(boardB.doc).has(id));
    expect(itemsMap(mine.own.doc).has(id)).toBe(false);
    // And so is an edit of it.
    expect(patchDayTwoItem(id, { when: 'juni' })).toBe(true);
    await waitFor(() => itemsMap(boardB.doc).get(id)?.get('when') === 'juni');
  });

  it('reveals texts, puts each draft in its writer’s own group, and skips a malformed draft without failing', async () => {
    const f = await io(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    const ownA = await doc(`own/${a.participantId}`, a.token);
    const screen = await doc('board', w.tokens.screen);
    expect(await f.command({ type: 'private.set', on: true })).toEqual({ ok: true });
    const base = { sessionId: 'opening', authorId: a.participantId, createdAt: Date.now(), updatedAt: Date.now() };
    // The guard keeps such drafts out of an own document today (the board's rules hold there too); the server
    // writes them, as an older server or a client before the guard could have left them.
    await writeAsServer(server, `${w.id}/own/${a.participantId}`, (own) => {
      // Claims another cooperation's group: it must land in A's own.
      addItem(own, { ...base, id: 'dOther', kind: 'note', groupId: w.groups[2]!.id, text: 'in mijn groep' });
      // A shared text in a draft comes across as a text.
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...base, id: 'dText', kind: 'note', groupId: null })) m.set(k, v);
      m.set('text', new Y.Text('tekst als Y.Text'));
      itemsMap(own).set('dText', m);
      // Malformed: a note without text.
      addItem(own, { ...base, id: 'dBad', kind: 'note', groupId: null, text: 42 });
    });
    const staffOwn = await doc(`own/${a.participantId}`, w.tokens.facilitator);
    await waitFor(() => itemsMap(staffOwn.doc).size === 3);

    expect(await f.command({ type: 'reveal' })).toEqual({ ok: true });
    await waitFor(() => itemsMap(screen.doc).has('dOther') && itemsMap(screen.doc).has('dText'));
    const items = new Map(readItems(screen.doc).map((i) => [i.id, i]));
    expect(items.get('dOther')).toMatchObject({ groupId: w.groups[0]!.id, text: 'in mijn groep' });
    expect(items.get('dText')).toMatchObject({ groupId: null, text: 'tekst als Y.Text' });
    expect(itemsMap(screen.doc).get('dText')?.get('text')).toBeInstanceOf(Y.Text);
    expect(items.has('dBad')).toBe(false);
    // The malformed draft stays with its writer; private writing is off all the same.
    await waitFor(() => itemsMap(ownA.doc).size === 1 && itemsMap(ownA.doc).has('dBad'));
    const control = await doc('control', w.tokens.screen);
    expect(readControl(control.doc).state?.privateWriting).toBe(false);
  });
});
