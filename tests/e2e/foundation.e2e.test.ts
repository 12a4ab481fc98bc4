import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  describeViolations,
  e2eRoom,
  joinThroughForm,
  phoneContext,
  screenshot,
  seriousA11yViolations,
  openStaffPage,
} from './browser';

/**
 * The foundation scenario, one browser context per person: a facilitator creates a workshop and drives it, a
 * screen projects it, two phones join and post notes, a researcher follows along.
 */
describe('foundation: create, join, post, moderate, advance', () => {
  const room = e2eRoom();
  const a11y: Record<string, string[]> = {};

  const checkA11y = async (page: Page, view: string) => {
    a11y[view] = describeViolations(await seriousA11yViolations(page));
    await screenshot(page, view);
  };

  it('runs the first minutes of a workshop across all roles', { timeout: 120_000 }, async () => {
    // Facilitator: create the workshop through the landing page.
    const facilitator = await openStaffPage(
      room,
      `${room.server.url}/?key=${encodeURIComponent(room.server.organiserKey)}`,
    );
    await expect.poll(() => facilitator.getByTestId('organiser-key').inputValue()).toBe(room.server.organiserKey);
    await checkA11y(facilitator, 'landing');
    await facilitator.getByTestId('workshop-title').fill('E2E-werkplaats');
    await facilitator.getByTestId('create-workshop').click();
    await facilitator.getByTestId('workshop-created').waitFor();
    const links = {
      facilitator: await facilitator.getByTestId('link-facilitator').inputValue(),
      screen: await facilitator.getByTestId('link-screen').inputValue(),
      researcher: await facilitator.getByTestId('link-researcher').inputValue(),
      join: await facilitator.getByTestId('link-join').inputValue(),
    };
    const joinCode = links.join.split('/').pop() ?? '';
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    await screenshot(facilitator, 'landing-created');
    await facilitator.getByTestId('open-console').click();
    await facilitator.waitForURL(/\/f\//);
    await facilitator.locator('[data-testid="programme-item"][aria-current="step"]').waitFor();

    // Screen: shows the join code while joining is open.
    const screen = await room.page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(links.screen);
    await expect.poll(() => screen.getByTestId('screen-join-code').textContent()).toBe(joinCode);
    await screen.getByTestId('join-qr').waitFor();

    // Two phones join: one formal from Utrecht, one informal from Zaandam.
    const joinPhone = async (name: string, group: string, side: 'formal' | 'informal', view?: string) => {
      const phone = await (await phoneContext(room.browser).then(room.keep)).newPage();
      await phone.goto(links.join);
      await phone.getByTestId('join-name').waitFor();
      if (view) await checkA11y(phone, view);
      return joinThroughForm(phone, { name, group, side });
    };
    const amina = await joinPhone('Amina', 'Utrecht', 'formal', 'join');
    const bram = await joinPhone('Bram', 'Zaandam', 'informal');

    const post = async (phone: Page, text: string) => {
      await phone.getByTestId('note-input').fill(text);
      await phone.getByTestId('note-post').click();
      await phone.getByTestId('my-notes').getByText(text).waitFor();
    };
    const noteA = 'Wijkteam kent de regels';
    const noteB = 'Sleutelfiguren kennen de families';
    await post(amina, noteA);
    await post(bram, noteB);
    await amina.getByTestId('other-notes').getByText(noteB).waitFor();
    await checkA11y(amina, 'participant');

    // The notes reach the screen and the researcher.
    const screenNote = (text: string) => screen.getByTestId('screen-note').filter({ hasText: text });
    await screenNote(noteA).waitFor();
    await screenNote(noteB).waitFor();
    await checkA11y(screen, 'screen');

    const researcher = await room.page({ viewport: { width: 1280, height: 800 } });
    await researcher.goto(links.researcher);
    await researcher.getByTestId('researcher-note').filter({ hasText: noteA }).waitFor();
    await researcher.getByTestId('researcher-note').filter({ hasText: noteB }).waitFor();
    await researcher.locator('[data-testid="research-doc-status"][data-connected="true"]').waitFor();
    await checkA11y(researcher, 'researcher');

    // The console sees both participants online, then hides one note: it leaves the screen.
    await facilitator.locator('[data-testid="participant-row"][data-online="true"]').nth(1).waitFor();
    const consoleNote = facilitator.getByTestId('console-note').filter({ hasText: noteA });
    await consoleNote.getByRole('button', { name: 'Verbergen' }).click();
    await facilitator.locator('[data-testid="console-note"][data-hidden="true"]').filter({ hasText: noteA }).waitFor();
    await screenNote(noteA).waitFor({ state: 'detached' });
    await expect(screenNote(noteB).count()).resolves.toBe(1);
    await checkA11y(facilitator, 'console');

    // Next session: every phone and the screen follow.
    await facilitator.getByTestId('session-next').click();
    for (const page of [amina, bram, screen, facilitator]) {
      await page.locator('[data-testid="session-header"][data-session-id="pitch"]').waitFor();
      await expect.poll(() => page.getByTestId('session-title').textContent()).toBe('Pitch');
    }
    // Screen readers in the room hear the change too.
    await expect.poll(() => screen.getByTestId('screen-announcer').textContent()).toContain('Pitch');
    await screenshot(amina, 'participant-next-session');
    await screenshot(screen, 'screen-next-session');

    expect(a11y).toEqual({ landing: [], join: [], participant: [], screen: [], researcher: [], console: [] });
  });
});
