import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient } from '../helpers/clients';
import { e2eRoom, openStaffPage } from './browser';

/**
 * The time-up sound plays reliably: the screen's audio is allowed by one click (a user gesture, as browsers require),
 * then the tone plays when the timer ends; the console's toggle switches it on and plays a test tone there.
 */
describe('the sound cue at the end of the timer', () => {
  const room = e2eRoom();

  it('asks the screen for one click, then plays the tone when the time is up', { timeout: 90_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const facilitator = await openStaffPage(room, w.links.facilitator);
    const screen = await room.page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(w.links.screen);
    const cue = screen.getByTestId('timer-cue');
    await cue.waitFor({ state: 'attached' });
    expect(await cue.getAttribute('data-sound')).toBe('false');
    // No sound asked for: no button on the screen.
    expect(await screen.getByTestId('timer-sound-unlock').count()).toBe(0);

    // The console's toggle: a user gesture there, so the console may play (its test tone).
    await facilitator.getByTestId('toggle-sound').click();
    await facilitator.locator('[data-testid="toggle-sound"][aria-pressed="true"]').waitFor();
    await facilitator.getByTestId('sound-test').waitFor();

    // The screen has not been touched since it opened: it asks for the one click audio needs.
    await screen.locator('[data-testid="timer-cue"][data-sound="true"]').waitFor({ state: 'attached' });
    await screen.getByTestId('timer-sound-unlock').click();
    await screen.locator('[data-testid="timer-cue"][data-audio="running"]').waitFor({ state: 'attached' });
    await screen.getByTestId('timer-sound-unlock').waitFor({ state: 'detached' });

    // A three-second timer: when it runs out, the tone plays once.
    const control = ioClient(room.server.url, w.tokens.facilitator);
    await control.connected();
    expect(await control.command({ type: 'timer.start', minutes: 0.05 })).toEqual({ ok: true });
    await screen.locator('[data-testid="timer-cue"][data-done="true"]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => cue.getAttribute('data-played')).toBe('1');
    control.close();
  });
});
