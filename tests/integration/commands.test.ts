import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { DEFAULT_PROGRAMME } from '../../shared/template';
import type { CreateWorkshopResponse, PresencePayload } from '../../shared/protocol';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('agenda engine over socket.io', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];
  const facilitator = async () => {
    const c = ioClient(server.url, w.tokens.facilitator);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };
  const control = async (token: string) => {
    const c = yClient(server.url, w.id, 'control', token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  it('moves the agenda for every client: next, previous, go to', async () => {
    const f = await facilitator();
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = await control(a.token);
    const screen = await control(w.tokens.screen);

    expect(await f.command({ type: 'session.next' })).toEqual({ ok: true });
    for (const c of [phone, screen]) await waitFor(() => readControl(c.doc).state?.currentSessionId === 'pitch');
    expect(await f.command({ type: 'session.goto', sessionId: 'rollenmarkt' })).toEqual({ ok: true });
    await waitFor(() => readControl(phone.doc).state?.currentSessionId === 'rollenmarkt');
    expect(await f.command({ type: 'session.previous' })).toEqual({ ok: true });
    await waitFor(() => readControl(phone.doc).state?.currentSessionId === 'visie');
    expect(await f.command({ type: 'session.goto', sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await f.command({ type: 'session.goto', sessionId: 'opening' });
    expect(await f.command({ type: 'session.previous' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('undoes a mistaken "next" with "previous": the timer and phase are as they were', async () => {
    const f = await facilitator();
    const screen = await control(w.tokens.screen);
    const state = () => readControl(screen.doc).state!;
    await f.command({ type: 'session.goto', sessionId: 'krachten-rollen' });
    await f.command({ type: 'phase.set', phase: 'terugkoppeling' });
    await f.command({ type: 'timer.start', minutes: 10 });
    await f.command({ type: 'timer.extend', seconds: -60 });
    await waitFor(() => state().phase === 'terugkoppeling' && state().timer.endsAt !== null);
    const leftBefore = state().timer.endsAt! - Date.now();

    expect(await f.command({ type: 'session.next' })).toEqual({ ok: true });
    await waitFor(() => state().currentSessionId === 'boom');
    expect(state().phase).not.toBe('terugkoppeling');
    expect(state().timer.endsAt).toBeNull();
    expect(await f.command({ type: 'session.previous' })).toEqual({ ok: true });
    await waitFor(() => state().currentSessionId === 'krachten-rollen');
    expect(state().phase).toBe('terugkoppeling');
    expect(state().timer.endsAt).not.toBeNull(); // still running
    const left = state().timer.endsAt! - Date.now();
    expect(left).toBeGreaterThan(8 * 60_000);
    expect(left).toBeLessThanOrEqual(leftBefore + 1000);
    expect(state().timer.durationMs).toBe(9 * 60_000);

    // A paused timer comes back paused, with what was left.
    await f.command({ type: 'timer.pause' });
    await waitFor(() => state().timer.endsAt === null);
    const paused = state().timer.remainingMs;
    await f.command({ type: 'session.next' });
    await waitFor(() => state().currentSessionId === 'boom');
    await f.command({ type: 'session.previous' });
    await waitFor(() => state().currentSessionId === 'krachten-rollen');
    expect(state().timer).toMatchObject({ endsAt: null, remainingMs: paused });
  });

  it('edits the programme for every phone, and refuses to drop a session with contributions', async () => {
    const f = await facilitator();
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = await control(a.token);
    const board = yClient(server.url, w.id, 'board', a.token);
    cleanup.push(() => board.destroy());
    await synced(board);
    const now = Date.now();
    board.doc.transact(() =>
      addItem(board.doc, {
        id: 'n1',
        kind: 'note',
        sessionId: 'opening',
        groupId: null,
        authorId: a.participantId,
        createdAt: now,
        updatedAt: now,
        text: 'Welkom',
      }),
    );
    // Once the server has the note (the screen's copy of the board shows it), dropping its session is refused.
    const screenBoard = yClient(server.url, w.id, 'board', w.tokens.screen);
    cleanup.push(() => screenBoard.destroy());
    await waitFor(() => readItems(screenBoard.doc).some((i) => i.id === 'n1'));
    const programme = readControl(phone.doc).programme;
    expect(await f.command({ type: 'programme.set', programme: programme.slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(readControl(phone.doc).programme).toHaveLength(programme.length);

    // Rename, re-time, reorder and remove an empty session: every phone sees it.
    const [opening, pitch, kader, ...rest] = programme;
    const edited = [
      opening!,
      { ...kader!, title: { nl: 'Kader (kort)', en: 'Framework (short)' }, plannedMinutes: 12 },
      pitch!,
      ...rest.filter((s) => s.id !== 'vooroordelen'),
    ];
    expect(await f.command({ type: 'programme.set', programme: edited })).toEqual({ ok: true });
    await waitFor(() => readControl(phone.doc).programme[1]?.title.nl === 'Kader (kort)');
    const seen = readControl(phone.doc).programme;
    expect(seen.map((s) => s.id)).toEqual(edited.map((s) => s.id));
    expect(seen[1]!.plannedMinutes).toBe(12);
    expect(seen.some((s) => s.id === 'vooroordelen')).toBe(false);
  });

  it('runs a server-authoritative timer: start, pause, extend, reset', async () => {
    const f = await facilitator();
    const screen = await control(w.tokens.screen);
    const before = Date.now();
    expect(await f.command({ type: 'timer.start', minutes: 3 })).toEqual({ ok: true });
    const running = await waitFor(() => {
      const st = readControl(screen.doc).state;
      return st?.timer.endsAt ? st : null;
    });
    expect(running.timer.endsAt).toBeGreaterThanOrEqual(before + 180_000);
    await f.command({ type: 'timer.extend', seconds: 60 });
    await waitFor(() => readControl(screen.doc).state?.timer.durationMs === 240_000);
    await f.command({ type: 'timer.pause' });
    const paused = await waitFor(() => {
      const st = readControl(screen.doc).state;
      return st?.timer.endsAt === null ? st : null;
    });
    expect(paused.timer.remainingMs).toBeGreaterThan(230_000);
    await f.command({ type: 'timer.reset', minutes: 5 });
    await waitFor(() => readControl(screen.doc).state?.timer.remainingMs === 300_000);
  });

  it('locks input, spotlights, closes joining, edits groups and participants', async () => {
    const f = await facilitator();
    const a = await joinAs(server.url, w, 'Aïcha', 0);
    // The facilitator's copy: a researcher's names participants by pseudonym (integration/researcherControl.test.ts).
    const watch = await control(w.tokens.facilitator);
    expect(await f.command({ type: 'input.lock', locked: true })).toEqual({ ok: true });
    expect(await f.command({ type: 'spotlight.set', itemId: 'i123' })).toEqual({ ok: true });
    expect(
      await f.command({ type: 'participant.move', participantId: a.participantId, groupId: w.groups[2]!.id }),
    ).toEqual({ ok: true });
    expect(await f.command({ type: 'participant.rename', participantId: a.participantId, name: 'Aïcha B.' })).toEqual({
      ok: true,
    });
    expect(await f.command({ type: 'group.add', name: 'Den Haag' })).toEqual({ ok: true });
    expect(await f.command({ type: 'group.remove', groupId: w.groups[2]!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await waitFor(() => {
      const c = readControl(watch.doc);
      return (
        c.state?.locked &&
        c.state.spotlightItemId === 'i123' &&
        c.participants[0]?.groupId === w.groups[2]!.id &&
        c.participants[0]?.name === 'Aïcha B.' &&
        c.groups.at(-1)?.name === 'Den Haag'
      );
    });

    expect(await f.command({ type: 'join.open', open: false })).toEqual({ ok: true });
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: w.joinCode, name: 'Laat', groupId: w.groups[0]!.id, side: 'formal', consent: true }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('join_closed');
  });

  it('replaces the programme after validation', async () => {
    const f = await facilitator();
    const watch = await control(w.tokens.screen);
    const shorter = DEFAULT_PROGRAMME.filter((s) => s.day === 2);
    expect(await f.command({ type: 'programme.set', programme: shorter })).toEqual({ ok: true });
    await waitFor(() => readControl(watch.doc).programme.length === shorter.length);
    // The current session (opening) is gone, so the agenda moves to the first one left.
    expect(readControl(watch.doc).state?.currentSessionId).toBe('visie');
    const dup = [shorter[0]!, shorter[0]!];
    expect(await f.command({ type: 'programme.set', programme: dup })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('refuses commands from participants, researchers and the screen, and malformed commands', async () => {
    const a = await joinAs(server.url, w, 'Aïcha');
    for (const token of [a.token, w.tokens.researcher, w.tokens.screen]) {
      const c = ioClient(server.url, token);
      cleanup.push(c.close);
      await c.connected();
      expect(await c.command({ type: 'session.next' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const f = await facilitator();
    expect(await f.command({ type: 'session.jump' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await f.command({ type: 'timer.extend', seconds: 'lots' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await f.command({ type: 'exercise', sessionId: 'opening', action: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await f.command({ type: 'exercise', sessionId: 'nope', action: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const watch = await control(w.tokens.screen);
    expect(readControl(watch.doc).state?.currentSessionId).toBe('opening');
  });

  it('refuses a socket.io connection without a valid token', async () => {
    const c = ioClient(server.url, 'nope');
    cleanup.push(c.close);
    await expect(c.connected()).rejects.toThrow('unauthorised');
  });

  it('tells the facilitator who is online', async () => {
    const f = await facilitator();
    const seen: PresencePayload[] = [];
    f.socket.on('presence', (p: PresencePayload) => seen.push(p));
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = ioClient(server.url, a.token);
    cleanup.push(phone.close);
    await phone.connected();
    await waitFor(() => seen.at(-1)?.online.includes(a.participantId));
    phone.close();
    await waitFor(() => seen.at(-1)?.online.length === 0);
  });
});
