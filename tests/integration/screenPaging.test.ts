import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readControl } from '../../shared/controlDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { PAGE_MS, turnsAt } from '../../shared/screenPaging';
import { createWorkshop, ioClient, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/**
 * The screen's pages turn by one shared counter (shared/screenPaging.ts), so the projector and the console's
 * thumbnail, which read the same state and the same server clock, show the same page.
 */
describe('the shared page counter of the screen', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  it('starts each view at its first page, moves with next/previous, and holds still while paused', async () => {
    const f = ioClient(server.url, w.tokens.facilitator);
    cleanup.push(f.close);
    await f.connected();
    const screen = yClient(server.url, w.id, 'control', w.tokens.screen);
    cleanup.push(() => screen.destroy());
    await synced(screen);
    const state = () => readControl(screen.doc).state!;
    const turns = () => turnsAt(state().screenTurn, state().screenPaused === true, Date.now());

    expect(await f.command({ type: 'screen.pause', paused: true })).toEqual({ ok: true });
    expect(await f.command({ type: 'session.goto', sessionId: 'pitch' })).toEqual({ ok: true });
    await waitFor(() => state().currentSessionId === 'pitch');
    expect(turns()).toBe(0);

    expect(await f.command({ type: 'screen.page', delta: 1 })).toEqual({ ok: true });
    expect(await f.command({ type: 'screen.page', delta: 1 })).toEqual({ ok: true });
    await waitFor(() => turns() === 2);
    expect(await f.command({ type: 'screen.page', delta: -1 })).toEqual({ ok: true });
    await waitFor(() => turns() === 1);

    // A new phase is a new view: back to its first page.
    expect(await f.command({ type: 'phase.set', phase: 'present' })).toEqual({ ok: true });
    await waitFor(() => state().phase === 'present');
    expect(turns()).toBe(0);

    // Resumed, the counter runs from the moment of resuming: a page the facilitator chose gets its full time.
    for (let i = 0; i < 3; i++) expect(await f.command({ type: 'screen.page', delta: 1 })).toEqual({ ok: true });
    expect(await f.command({ type: 'screen.pause', paused: false })).toEqual({ ok: true });
    await waitFor(() => state().screenPaused === false);
    const turn = state().screenTurn!;
    expect(turn.base).toBe(3);
    expect(Math.abs(turn.at - Date.now())).toBeLessThan(5_000);
    expect(turnsAt(turn, false, turn.at + PAGE_MS - 1)).toBe(3);
    expect(turnsAt(turn, false, turn.at + PAGE_MS)).toBe(4);
  });
});
