import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../../shared/boardDoc';
import { readControl } from '../../../shared/controlDoc';
import { assignedResearchers } from '../../../shared/exercises/dayTwo/workspace';
import { ROLE_PICK, rolePickFields } from '../../../shared/exercises/roleMarket';
import { waitFor } from '../../helpers/clients';
import { dayTwoRoom } from './setup';

describe('day two: workspaces and the role market', () => {
  let room: Awaited<ReturnType<typeof dayTwoRoom>>;
  beforeEach(async () => {
    room = await dayTwoRoom();
  });
  afterEach(() => room.close());

  it('lets only the facilitator assign researchers per cooperation; the assignment carries over sessions', async () => {
    const { w, facilitator, phones } = room;
    expect(await room.goto('visie')).toEqual({ ok: true });
    const assign = { type: 'exercise', sessionId: 'visie', action: 'assignResearcher' } as const;
    expect(await facilitator.command({ ...assign, payload: { groupId: w.groups[0]!.id, name: 'Eva' } })).toEqual({
      ok: true,
    });
    const phone = await room.socket(phones[0]!.token);
    const researcher = await room.socket(w.tokens.researcher);
    for (const c of [phone, researcher])
      expect(await c.command({ ...assign, payload: { groupId: w.groups[1]!.id, name: 'X' } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(await facilitator.command({ ...assign, payload: { groupId: 'nope', name: 'Eva' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await room.goto('rollenmarkt');
    const control = await room.doc(w.tokens.researcher, 'control');
    await waitFor(() => readControl(control.doc).state?.currentSessionId === 'rollenmarkt');
    const c = readControl(control.doc);
    expect(assignedResearchers(c.programme, c.exercises)).toEqual({ [w.groups[0]!.id]: 'Eva' });
  });

  it('sets pick limits by command and validates them', async () => {
    const { facilitator, w } = room;
    await room.goto('rollenmarkt');
    const set = (payload: unknown) =>
      facilitator.command({ type: 'exercise', sessionId: 'rollenmarkt', action: 'setPickLimits', payload });
    expect(await set({ minPicks: 2, maxPicks: 4 })).toEqual({ ok: true });
    expect(await set({ minPicks: 5, maxPicks: 4 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const control = await room.doc(w.tokens.screen, 'control');
    await waitFor(() => readControl(control.doc).exercises.rollenmarkt?.maxPicks === 4);
    expect(readControl(control.doc).exercises.rollenmarkt).toMatchObject({ minPicks: 2, maxPicks: 4 });
  });

  it('carries picks with who and why from a phone to the cooperation, the screen and the researcher', async () => {
    const { w, phones } = room;
    await room.goto('rollenmarkt');
    const fatima = await room.doc(phones[0]!.token);
    const hanneke = await room.doc(phones[1]!.token);
    const screen = await room.doc(w.tokens.screen);
    const researcher = await room.doc(w.tokens.researcher);
    const fields = rolePickFields.parse({
      roleId: 'fixer',
      whoMemberId: phones[1]!.participantId,
      why: 'Zij lost het op.',
    });
    fatima.doc.transact(() =>
      addItem(fatima.doc, {
        id: 'pick1',
        kind: ROLE_PICK,
        sessionId: 'rollenmarkt',
        groupId: w.groups[0]!.id,
        authorId: phones[0]!.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        ...fields,
      }),
    );
    for (const c of [hanneke, screen, researcher]) {
      const item = await waitFor(() => readItems(c.doc).find((i) => i.id === 'pick1'));
      expect(item).toMatchObject({ roleId: 'fixer', whoMemberId: phones[1]!.participantId, why: 'Zij lost het op.' });
    }
    // A researcher's observation on the pick reaches the facilitator's board as well.
    researcher.doc.transact(() =>
      addItem(researcher.doc, {
        id: 'obs1',
        kind: 'pickObservation',
        sessionId: 'rollenmarkt',
        groupId: w.groups[0]!.id,
        authorId: 'researcher',
        createdAt: Date.now() + 2,
        updatedAt: Date.now() + 2,
        pickId: 'pick1',
        text: 'Hanneke knikt instemmend.',
      }),
    );
    const fboard = await room.doc(w.tokens.facilitator);
    await waitFor(() => readItems(fboard.doc).some((i) => i.id === 'obs1' && i.pickId === 'pick1'));
  });
});
