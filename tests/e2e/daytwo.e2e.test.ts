import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { createWorkshop, joinAs } from '../helpers/clients';
import {
  describeViolations,
  e2eRoom,
  joinedPhoneContext,
  screenshot,
  seriousA11yViolations,
  openStaffPage,
} from './browser';
import { PNG } from '../helpers/uploads';

/**
 * Day two end to end, one browser context per person: a facilitator, the screen, six phones in three cooperations
 * and a researcher, through Visie, Rollenmarkt, two consult rounds, Plan van aanpak and Afsluiting.
 */
describe('day two: vision, role market, consults, plan, closing', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;
  const a11y: Record<string, string[]> = {};

  const check = async (p: Page, view: string) => {
    const found = describeViolations(await seriousA11yViolations(p));
    // Phones and the screen never scroll sideways (a wide grid scrolls inside its own box).
    const sideways = await p.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    if (sideways > 0) found.push(`horizontal scroll of ${sideways}px`);
    if (found.length) a11y[view] = found;
    await screenshot(p, view);
  };
  const phoneFor = async (joined: JoinResponse) => {
    const p = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
    await p.goto(`${room.server.url}/p/${w.id}`);
    await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
    return p;
  };

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam', 'Dordrecht']);
  }, 60_000);

  it('runs all of day two', { timeout: 240_000 }, async () => {
    const names = ['Fatima', 'Hanneke', 'Ayşe', 'Marloes', 'Yasmina', 'Peter'];
    const joined = await Promise.all(
      names.map((n, i) => joinAs(room.server.url, w, n, Math.floor(i / 2), i % 2 ? 'formal' : 'informal')),
    );
    const facilitator = await openStaffPage(room, w.links.facilitator);
    const screen = await room.page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(w.links.screen);
    const researcher = await room.page({ viewport: { width: 1280, height: 800 } });
    await researcher.goto(w.links.researcher);
    const phones = await Promise.all(joined.map(phoneFor));
    const [fatima, hanneke, ayse, marloes, yasmina] = phones as [Page, Page, Page, Page, Page, Page];
    const goto = async (sessionId: string) => {
      await facilitator.locator(`[data-testid="programme-item"][data-session-id="${sessionId}"]`).click();
      for (const p of [...phones, screen, researcher])
        await p.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).first().waitFor();
    };

    // Visie: two phones of Utrecht draw and write together; a photo of the paper drawing is uploaded.
    await goto('visie');
    const canvas = fatima.getByTestId('vision-canvas');
    const box = (await canvas.boundingBox())!;
    await fatima.mouse.move(box.x + 30, box.y + 30);
    await fatima.mouse.down();
    for (let i = 1; i <= 10; i++) await fatima.mouse.move(box.x + 30 + i * 20, box.y + 30 + i * 8);
    await fatima.mouse.up();
    await hanneke.locator('[data-testid="vision-canvas"][data-strokes="1"]').waitFor();
    // A second stroke with the eraser, undone again: undo takes back only your own last mark.
    await fatima.getByTestId('tool-eraser').click();
    await fatima.mouse.move(box.x + 60, box.y + 60);
    await fatima.mouse.down();
    await fatima.mouse.move(box.x + 120, box.y + 90);
    await fatima.mouse.up();
    await hanneke.locator('[data-testid="vision-canvas"][data-strokes="2"]').waitFor();
    await hanneke.getByTestId('vision-undo').click(); // Hanneke has nothing to undo: Fatima's strokes stay.
    await fatima.getByTestId('vision-undo').click();
    await hanneke.locator('[data-testid="vision-canvas"][data-strokes="1"]').waitFor();
    // A text label, placed with a tap.
    await fatima.getByTestId('tool-text').click();
    await fatima.getByTestId('vision-label-text').fill('Samen');
    const moved = (await canvas.boundingBox())!; // The text field above it moved the canvas down.
    await fatima.mouse.click(moved.x + 100, moved.y + 100);
    await hanneke.getByTestId('vision-canvas').locator('text', { hasText: 'Samen' }).waitFor();
    await ayse.locator('[data-testid="vision-canvas"][data-strokes="0"]').waitFor(); // Zaandam has its own canvas.
    await fatima.getByTestId('vision-statement').fill('Samen sterk in de wijk');
    await expect.poll(() => hanneke.getByTestId('vision-statement').inputValue()).toBe('Samen sterk in de wijk');
    await hanneke
      .getByTestId('vision-photo-input')
      .setInputFiles({ name: 'tekening.png', mimeType: 'image/png', buffer: PNG });
    await fatima.getByTestId('vision-photo').waitFor();
    await check(fatima, 'daytwo-vision-phone');
    await facilitator.getByTestId('vision-present').filter({ hasText: 'Utrecht' }).click();
    const presented = screen.locator('[data-testid="vision-board"][data-group-name="Utrecht"]');
    await presented.getByTestId('vision-statement-view').filter({ hasText: 'Samen sterk in de wijk' }).waitFor();
    await presented.locator('[data-strokes="1"]').waitFor();
    await presented.getByTestId('vision-photo').waitFor();
    await check(screen, 'daytwo-vision-screen');

    // Workspaces: the researcher names herself, the facilitator assigns her to Zaandam, her view follows.
    await researcher.getByTestId('console-researcher-name').fill('Eva');
    await facilitator.locator('.daytwo-assign summary').click();
    await facilitator.locator('[data-testid="assign-researcher-input"][data-group-name="Zaandam"]').fill('Eva');
    await facilitator.getByTestId('assign-researcher').nth(1).click();
    await expect.poll(() => researcher.getByTestId('researcher-following').textContent()).toContain('Zaandam');
    await expect.poll(() => researcher.getByTestId('vision-board').count()).toBe(1);
    await check(researcher, 'daytwo-vision-researcher');

    // Rollenmarkt: picks with who and why, a people × roles grid, the screen's tally, a researcher's observation.
    await goto('rollenmarkt');
    await fatima.getByTestId('rolemarket-about').filter({ hasText: 'Figuur 3' }).waitFor();
    await fatima.getByTestId('filter-informal').click();
    await expect
      .poll(async () => await fatima.locator('[data-testid="role-card"][data-side="formal"]').count())
      .toBe(0);
    await fatima.getByTestId('pick-role').first().click();
    await fatima.getByTestId('who-member').selectOption({ label: 'Hanneke' });
    await fatima.getByTestId('pick-why').fill('Zij kent iedereen in de wijk.');
    await fatima.getByTestId('pick-save').click();
    await fatima.locator('[data-testid="pick-progress"][data-count="1"]').waitFor();
    await hanneke.getByTestId('role-grid-pick').filter({ hasText: 'Zij kent iedereen in de wijk.' }).waitFor();
    await ayse.getByTestId('pick-role').nth(2).click();
    await ayse.getByTestId('who-party-choice').check();
    await ayse.getByTestId('who-party').fill('het wijkteam');
    await ayse.getByTestId('pick-why').fill('Het wijkteam brengt de gezinnen binnen.');
    await ayse.getByTestId('pick-save').click();
    await check(ayse, 'daytwo-rolemarket-phone');
    await screen
      .locator('[data-testid="rolemarket-screen-group"][data-group-name="Zaandam"]')
      .filter({ hasText: 'het wijkteam' })
      .waitFor();
    await screen.getByTestId('rolemarket-unpicked').waitFor();
    await check(screen, 'daytwo-rolemarket-screen');
    const rPick = researcher.getByTestId('role-grid-pick').filter({ hasText: 'Het wijkteam brengt' });
    await rPick.getByTestId('observation-input').fill('Marloes knikt, Ayşe twijfelt.');
    await rPick.getByTestId('observation-add').click();
    await rPick.getByTestId('pick-observations').filter({ hasText: 'Marloes knikt' }).waitFor();
    expect(await researcher.getByTestId('role-grid-pick').filter({ hasText: 'Zij kent iedereen' }).count()).toBe(0);
    await check(researcher, 'daytwo-rolemarket-researcher');

    // Consult: two scheduled rounds with a timer; hosts ask, visitors advise; afterwards takeaways link back.
    await goto('consult');
    await facilitator.getByTestId('consult-rounds-input').fill('2');
    await facilitator.getByTestId('consult-minutes').fill('15');
    await facilitator.getByTestId('consult-plan').click();
    for (const round of [1, 2]) {
      await facilitator
        .getByTestId('consult-start-round')
        .nth(round - 1)
        .click();
      for (const p of [fatima, ayse, yasmina])
        await expect.poll(() => p.getByTestId('consult-where').textContent()).toMatch(new RegExp(`^Ronde ${round} — `));
      await fatima.locator('[data-testid="timer"][data-running="true"]').waitFor();
      // Whoever hosts writes the question; a visitor of that host sees it and advises.
      const all = [fatima, ayse, yasmina];
      const roles = await Promise.all(all.map((p) => p.getByTestId('consult-where').getAttribute('data-role')));
      const host = all[roles.indexOf('host')]!;
      const hostName = ['Utrecht', 'Zaandam', 'Dordrecht'][roles.indexOf('host')]!;
      await host.getByTestId('consult-question-input').fill(`Vraag ronde ${round}: hoe houden we het informeel?`);
      await host.getByTestId('consult-submit').click();
      const visitors = all.filter((_p, i) => roles[i] === 'visit');
      let advised = false;
      for (const v of visitors) {
        const thread = v.locator(`[data-testid="consult-thread"][data-host-name="${hostName}"]`);
        if ((await thread.count()) === 0) continue;
        await thread
          .getByTestId('consult-question')
          .filter({ hasText: `Vraag ronde ${round}` })
          .waitFor();
        await thread.getByTestId('consult-advice-input').fill(`Advies ronde ${round}: een convenant.`);
        await thread.getByTestId('consult-submit').click();
        advised = true;
        break;
      }
      expect(advised).toBe(true);
      await host
        .getByTestId('consult-advice')
        .filter({ hasText: `Advies ronde ${round}` })
        .waitFor();
      if (round === 1) {
        await check(host, 'daytwo-consult-phone');
        await check(screen, 'daytwo-consult-screen');
      }
    }
    await facilitator.getByTestId('consult-finish').click();
    await fatima.getByTestId('takeaway-input').fill('Een onafhankelijke coördinator.');
    await fatima.getByTestId('takeaway-link').first().check();
    await fatima.getByTestId('takeaway-add').click();
    await hanneke
      .getByTestId('takeaway')
      .filter({ hasText: /Een onafhankelijke coördinator\.Ronde \d/ })
      .waitFor();

    // Plan van aanpak: a step with who and when, linked to a picked role; a condition marked; the screen summarises.
    await goto('plan');
    await fatima.getByTestId('step-what').fill('Maandelijks overleg plannen');
    await fatima.getByTestId('who-party-choice').check();
    await fatima.getByTestId('who-party').fill('het wijkteam');
    await fatima.getByTestId('step-when').fill('vóór 1 maart');
    await fatima.getByTestId('step-first').check();
    await fatima.getByTestId('step-add').click();
    await hanneke.getByTestId('plan-step').filter({ hasText: 'Maandelijks overleg plannen' }).waitFor();
    await hanneke
      .locator('[data-testid="plan-condition"][data-condition="trust"]')
      .getByTestId('condition-work')
      .click();
    await fatima.locator('[data-testid="plan-condition"][data-condition="trust"][data-status="work"]').waitFor();
    await check(fatima, 'daytwo-plan-phone');
    await screen
      .locator('[data-testid="plan-screen-card"][data-group-name="Utrecht"]')
      .filter({ hasText: 'Maandelijks overleg' })
      .waitFor();
    await check(screen, 'daytwo-plan-screen');

    // Afsluiting: a spokesperson and the researcher sum up; the facilitator steps through them on the screen.
    await goto('afsluiting');
    await marloes.getByTestId('closing-text').fill('Zaandam neemt een convenant mee.');
    await marloes.getByTestId('closing-save').click();
    await ayse.getByTestId('closing-summary').filter({ hasText: 'Zaandam neemt een convenant mee.' }).waitFor();
    await researcher.getByTestId('closing-text').fill('Erkenning van elkaars kracht was de sleutel.');
    await researcher.getByTestId('closing-save').click();
    await check(marloes, 'daytwo-closing-phone');
    await facilitator.getByTestId('closing-next').click();
    await screen.getByTestId('closing-spotlight').filter({ hasText: 'Zaandam neemt een convenant mee.' }).waitFor();
    await facilitator.getByTestId('closing-next').click();
    await screen.getByTestId('closing-spotlight').filter({ hasText: 'Erkenning van elkaars kracht' }).waitFor();
    await check(screen, 'daytwo-closing-screen');
    await check(facilitator, 'daytwo-closing-console');

    expect(a11y).toEqual({});
  });
});
