import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readControl } from '../../../shared/controlDoc';
import type { ConsultState } from '../../../shared/exercises/consult';
import { waitFor } from '../../helpers/clients';
import { dayTwoRoom } from './setup';

describe('day two: consult rounds', () => {
  let room: Awaited<ReturnType<typeof dayTwoRoom>>;
  beforeEach(async () => {
    room = await dayTwoRoom();
    await room.goto('consult');
  });
  afterEach(() => room.close());
  const cmd = (action: string, payload: unknown) =>
    ({ type: 'exercise', sessionId: 'consult', action, payload }) as const;

  it('plans a schedule without repeated pairs, moves through the rounds, and only the facilitator may', async () => {
    const { facilitator, phones, w } = room;
    const phone = await room.socket(phones[0]!.token);
    expect(await phone.command(cmd('configure', { mode: 'schedule', rounds: 2, roundMinutes: 10 }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await facilitator.command(cmd('setRound', { round: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await facilitator.command(cmd('configure', { mode: 'schedule', rounds: 2, roundMinutes: 10 }))).toEqual({
      ok: true,
    });
    expect(await facilitator.command(cmd('setRound', { round: 2 }))).toEqual({ ok: true });
    expect(await facilitator.command(cmd('setRound', { round: 9 }))).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const control = await room.doc(phones[1]!.token, 'control');
    const state = await waitFor(() => {
      const s = readControl(control.doc).exercises.consult as ConsultState | undefined;
      return s?.round === 2 ? s : null;
    });
    expect(state.rounds).toHaveLength(2);
    // The round-robin pairs (host and first visitor) never repeat; a left-over joins as a second visitor.
    const pairs = state.rounds!.flatMap((r) => r.consults.map((c) => [c.hostId, c.visitorIds[0]].sort().join()));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(state.rounds!.flatMap((r) => r.idle)).toEqual([]);
    // Three cooperations: every round accounts for all three (in a consult, or listed as without one).
    for (const r of state.rounds!)
      expect(
        r.consults
          .flatMap((c) => [c.hostId, ...c.visitorIds])
          .concat(r.idle)
          .sort(),
      ).toEqual(w.groups.map((g) => g.id).sort());
  });

  it('planning again keeps the rounds that started (number, id, pairs), and the new rounds follow them', async () => {
    const { facilitator, w } = room;
    const control = await room.doc(w.tokens.screen, 'control');
    const read = () => readControl(control.doc).exercises.consult as ConsultState | undefined;
    expect(await facilitator.command(cmd('configure', { mode: 'schedule', rounds: 3, roundMinutes: 10 }))).toEqual({
      ok: true,
    });
    // Three cooperations, three rounds: nobody sits out, everyone hosts and visits.
    const first = await waitFor(() => (read()?.rounds?.length === 3 ? read()! : null));
    expect(first.rounds!.flatMap((r) => r.idle)).toEqual([]);
    for (const g of w.groups) {
      expect(first.rounds!.some((r) => r.consults.some((c) => c.hostId === g.id))).toBe(true);
      expect(first.rounds!.some((r) => r.consults.some((c) => c.visitorIds.includes(g.id)))).toBe(true);
    }
    expect(new Set(first.rounds!.map((r) => r.id)).size).toBe(3);
    expect(await facilitator.command(cmd('setRound', { round: 2 }))).toEqual({ ok: true });
    await waitFor(() => read()?.round === 2);

    // Adding a free sign-up round: rounds 1 and 2 (with what was written under their number, host and id) stay.
    expect(await facilitator.command(cmd('configure', { mode: 'free', rounds: 1, roundMinutes: 10, cap: 2 }))).toEqual({
      ok: true,
    });
    const after = await waitFor(() => (read()?.mode === 'free' ? read()! : null));
    expect(after.rounds!.slice(0, 2)).toEqual(first.rounds!.slice(0, 2));
    expect(after.rounds).toHaveLength(3);
    expect(after.rounds![2]).toMatchObject({ round: 3, consults: [], idle: [] });
    expect(first.rounds!.map((r) => r.id)).not.toContain(after.rounds![2]!.id);
    expect(after.round).toBe(2);
  });

  it('free mode: cooperations sign up for a host, up to its cap', async () => {
    const { facilitator, phones, w } = room;
    expect(await facilitator.command(cmd('configure', { mode: 'free', rounds: 1, roundMinutes: 10, cap: 1 }))).toEqual({
      ok: true,
    });
    const utrecht = await room.socket(phones[0]!.token);
    const zaandam = await room.socket(phones[2]!.token);
    const dordrecht = w.groups[2]!.id;
    expect(await utrecht.command(cmd('signUp', { round: 1, hostId: w.groups[0]!.id }))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await utrecht.command(cmd('signUp', { round: 1, hostId: dordrecht }))).toEqual({ ok: true });
    expect(await zaandam.command(cmd('signUp', { round: 1, hostId: dordrecht }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'this host is full' },
    });
    expect(await facilitator.command(cmd('signUp', { round: 1, hostId: dordrecht }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const control = await room.doc(w.tokens.screen, 'control');
    const s = await waitFor(
      () => (readControl(control.doc).exercises.consult as ConsultState | undefined)?.rounds?.[0]?.consults[0],
    );
    expect(s).toEqual({ hostId: dordrecht, visitorIds: [w.groups[0]!.id] });
  });
});
