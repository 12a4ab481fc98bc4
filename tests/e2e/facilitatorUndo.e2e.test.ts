import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop, joinAs } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';

/** The clock's "m:ss" as seconds. */
const seconds = async (page: Page): Promise<number> => {
  const text = await page.getByTestId('timer').locator('.timer__clock').first().innerText();
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
};

describe('the facilitator can undo a mistake, and a summon reaches a scrolled phone', () => {
  const room = e2eRoom();

  it(
    '"Volgende" then "Vorige" keeps the timer and the step; the summon banner is in view and leaves with the session',
    {
      timeout: 120_000,
    },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const facilitator = await openStaffPage(room, w.links.facilitator);
      await facilitator.getByTestId('toolkit-panel').waitFor();
      const joined = await joinAs(room.server.url, w, 'Amina');
      const phone = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.locator('[data-testid="connection-status"][data-state="online"]').waitFor();

      // Krachten: one row of phase buttons, with names, and the exercise panel is not "Bijdragen in deze sessie".
      await facilitator.locator('[data-testid="programme-item"][data-session-id="krachten-rollen"]').click();
      await facilitator.getByTestId('strengths-phase-terugkoppeling').waitFor();
      expect(await facilitator.locator('[data-testid^="phase-"]').count()).toBe(0);
      expect(await facilitator.getByTestId('strengths-phase-terugkoppeling').innerText()).toContain('Terugkoppeling');
      expect(await facilitator.locator('.console').innerText()).not.toContain('kracht / terugkoppeling');
      expect(await facilitator.locator('.console').innerText()).not.toContain('Bijdragen in deze sessie');
      await facilitator.getByTestId('strengths-phase-terugkoppeling').click();
      await facilitator.locator('[data-testid="strengths-phase-terugkoppeling"][aria-pressed="true"]').waitFor();

      // A custom length, started, then a minute less.
      await facilitator.getByTestId('timer-minutes').fill('7');
      await facilitator.getByTestId('timer-set-length').click();
      await expect.poll(() => seconds(facilitator)).toBe(7 * 60);
      await facilitator.getByTestId('timer-start').click();
      await facilitator.getByTestId('timer-shorten').click();
      await expect.poll(() => seconds(facilitator)).toBeLessThanOrEqual(6 * 60);
      const before = await seconds(facilitator);
      expect(before).toBeGreaterThan(5 * 60);

      // The mistake and its undo.
      await facilitator.getByTestId('session-next').click();
      await facilitator.getByTestId('tree-phase-werken').waitFor();
      await facilitator.getByTestId('session-previous').click();
      await facilitator.locator('[data-testid="strengths-phase-terugkoppeling"][aria-pressed="true"]').waitFor();
      await facilitator.locator('[data-testid="timer"][data-running="true"]').first().waitFor();
      const after = await seconds(facilitator);
      expect(after).toBeLessThanOrEqual(before);
      expect(after).toBeGreaterThan(before - 20); // not reset to 7:00 (or the planned minutes), nor lost
      await phone.locator('[data-testid="timer"][data-running="true"]').waitFor();

      // Summon: the phone is scrolled far down; the banner shows inside the viewport.
      await phone.evaluate(() => {
        const spacer = document.createElement('div');
        spacer.style.height = '3000px';
        spacer.dataset.testid = 'spacer';
        document.querySelector('main')?.append(spacer);
        window.scrollTo(0, document.body.scrollHeight);
      });
      await expect.poll(() => phone.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
      await facilitator.getByTestId('summon').click();
      const banner = phone.getByTestId('summoned');
      await banner.waitFor();
      await expect
        .poll(async () => {
          const box = await banner.boundingBox();
          return box !== null && box.y >= 0 && box.y + box.height <= 740;
        })
        .toBe(true);
      // Scrolling on does not lose it either (it is fixed at the top).
      await phone.evaluate(() => window.scrollTo(0, 1500));
      const box = await banner.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 740).toBe(true);

      // The next session clears it.
      await facilitator.getByTestId('session-next').click();
      await banner.waitFor({ state: 'detached' });
    },
  );

  it('programme edits in the console reach the phone', { timeout: 90_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const facilitator = await openStaffPage(room, w.links.facilitator);
    await facilitator.getByTestId('toolkit-panel').waitFor();
    const joined = await joinAs(room.server.url, w, 'Bram');
    const phone = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
    await phone.goto(`${room.server.url}/p/${w.id}`);
    await phone.locator('[data-testid="connection-status"][data-state="online"]').waitFor();

    await facilitator.getByTestId('programme-edit-toggle').click();
    const row = (id: string) => facilitator.locator(`[data-testid="programme-edit-row"][data-session-id="${id}"]`);
    // Rename the current session and give it other minutes: the phone's title follows.
    await row('opening').getByTestId('programme-edit-title').fill('Welkom en kennismaken');
    await row('opening').getByTestId('programme-edit-minutes').fill('25');
    await row('opening').getByTestId('programme-edit-minutes').blur();
    await phone.getByTestId('session-title').filter({ hasText: 'Welkom en kennismaken' }).waitFor();
    // Move Kader above Pitch, remove the prejudice game, add a session at the end of day 1.
    await row('kader').getByTestId('programme-move-up').click();
    const order = () =>
      facilitator
        .getByTestId('programme-edit-row')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sessionId));
    await expect.poll(async () => (await order()).slice(0, 3)).toEqual(['opening', 'kader', 'pitch']);
    facilitator.once('dialog', (d) => void d.accept());
    await row('vooroordelen').getByTestId('programme-remove').click();
    await row('vooroordelen').waitFor({ state: 'detached' });
    await facilitator.getByTestId('programme-add-title').fill('Koffie');
    await facilitator.getByTestId('programme-add-minutes').fill('10');
    await facilitator.getByTestId('programme-add').click();
    await facilitator.getByTestId('programme-edit-title').and(facilitator.locator('[value="Koffie"]')).waitFor();
    // Done editing: "Volgende" now goes to Kader, on the phone too.
    await facilitator.getByTestId('programme-edit-toggle').click();
    await facilitator.locator('[data-testid="programme-item"]').filter({ hasText: '25′' }).waitFor();
    await facilitator.getByTestId('session-next').click();
    await phone.getByTestId('session-title').filter({ hasText: /Kader/ }).waitFor();
    expect(await facilitator.locator('[data-testid="programme-item"]').filter({ hasText: 'Koffie' }).count()).toBe(1);
  });

  it(
    'a lost console link: the organiser lists the workshops and opens the console with a new link',
    {
      timeout: 60_000,
    },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const organiser = await room.page({ viewport: { width: 1280, height: 900 } });
      await organiser.goto(`${room.server.url}/#key=${room.server.organiserKey}`);
      await organiser.getByTestId('list-workshops').click();
      const row = organiser.locator(`[data-testid="listed-workshop"][data-workshop-id="${w.id}"]`);
      organiser.once('dialog', (d) => void d.accept());
      await row.getByTestId('new-facilitator-link').click();
      const href = await row.getByTestId('new-console-link').getAttribute('href');
      expect(href).toContain(`/f/${w.id}#`);
      expect(href).not.toBe(w.links.facilitator);
      await row.getByTestId('new-console-link').click();
      await organiser.getByTestId('toolkit-panel').waitFor();
      // The lost link no longer opens the console.
      const old = await room.page();
      await old.goto(w.links.facilitator);
      await old.getByTestId('connection-refused').waitFor();
      expect(await old.getByTestId('toolkit-panel').count()).toBe(0);
    },
  );
});
