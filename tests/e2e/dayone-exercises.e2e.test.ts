import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { createWorkshop } from '../helpers/clients';
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
 * Day one's three workshop exercises with everyone in the room: a facilitator, the screen, four phones (two formal,
 * two informal, from two cooperations) and a researcher.
 */
describe('day one: krachten en rollen, boom, vooroordelenspel', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;
  const a11y: Record<string, string[]> = {};

  const look = async (p: Page, view: string) => {
    a11y[view] = describeViolations(await seriousA11yViolations(p));
    await screenshot(p, view);
  };

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
  }, 60_000);

  it('runs the three exercises from console to phones, screen and researcher', { timeout: 240_000 }, async () => {
    const facilitator = await openStaffPage(room, w.links.facilitator);
    const screen = await room.page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(w.links.screen);
    const researcher = await room.page({ viewport: { width: 1280, height: 800 } });
    await researcher.goto(w.links.researcher);

    const join = async (name: string, group: string, side: 'formal' | 'informal') => {
      const phone = await room.keep(await phoneContext(room.browser)).newPage();
      await phone.goto(w.links.join);
      return joinThroughForm(phone, { name, group, side });
    };
    const phones = [
      await join('Hanneke', 'Utrecht', 'formal'),
      await join('Fatima', 'Utrecht', 'informal'),
      await join('Marloes', 'Zaandam', 'formal'),
      await join('Kwame', 'Zaandam', 'informal'),
    ] as const;
    const [hanneke, fatima, marloes, kwame] = phones;

    const goto = async (title: string, id: string) => {
      await facilitator.getByTestId('programme-item').filter({ hasText: title }).click();
      for (const p of [...phones, screen, researcher])
        await p.locator(`[data-testid="session-header"][data-session-id="${id}"]`).waitFor();
    };

    // ---------- Krachten en rollen ----------
    await goto('Krachten en rollen', 'krachten-rollen');
    await facilitator.getByTestId('grouping-bySide').click();
    await hanneke.getByTestId('strengths-group').filter({ hasText: 'Formele werkers' }).waitFor();
    const strengths: Array<[Page, string, string]> = [
      [hanneke, 'knowledge', 'Kennen twee culturen'],
      [fatima, 'knowledge', 'Kennen de sociale kaart'],
      [marloes, 'position', 'Genieten vertrouwen van ouders'],
      [kwame, 'power', 'Hebben toegang tot geld'],
    ];
    for (const [p, dim, text] of strengths) {
      await p.getByTestId(`dimension-${dim}`).click();
      await p.getByTestId('strength-input').fill(text);
      await p.getByTestId('strength-post').click();
      await p.getByTestId('my-strengths').getByText(text).waitFor();
    }
    for (const [, , text] of strengths) {
      await screen.getByTestId('strength-card').filter({ hasText: text }).waitFor();
      await researcher.getByTestId('researcher-strength').filter({ hasText: text }).waitFor();
    }
    // Formal people wrote about informal workers: the card sits in the informal column.
    await screen
      .locator('[data-side="informal"] [data-testid="strength-card"]')
      .filter({ hasText: 'Kennen twee culturen' })
      .waitFor();
    await look(hanneke, 'dayone-strengths-phone');
    await look(screen, 'dayone-strengths-screen');

    await facilitator.getByTestId('strengths-phase-terugkoppeling').click();
    await fatima.getByTestId('strength-wall').waitFor();
    await fatima
      .getByTestId('strength-card')
      .filter({ hasText: 'Kennen twee culturen' })
      .getByTestId('plus-one')
      .click();
    await kwame.getByTestId('about-informal').click();
    await kwame.getByTestId('strength-input').fill('Kennen de wijk goed');
    await kwame.getByTestId('strength-post').click();
    await screen
      .getByTestId('strength-card')
      .filter({ hasText: 'Kennen twee culturen' })
      .filter({ hasText: '+1' })
      .waitFor();
    await screen.getByTestId('strength-card').filter({ hasText: 'Kennen de wijk goed' }).waitFor();
    // The facilitator merges the addition into a duplicate: the screen keeps one card, the console both authors.
    await facilitator
      .getByLabel('"Kennen de wijk goed" samenvoegen met')
      .selectOption({ label: 'Kennen twee culturen' });
    await screen.getByTestId('strength-card').filter({ hasText: 'Kennen de wijk goed' }).waitFor({ state: 'detached' });
    await facilitator
      .getByTestId('console-strength')
      .filter({ hasText: 'Kennen twee culturen' })
      .filter({ hasText: 'Kwame' })
      .filter({ hasText: 'Hanneke' })
      .waitFor();
    await look(fatima, 'dayone-feedback-phone');
    await look(screen, 'dayone-feedback-screen');

    await facilitator.getByTestId('strengths-phase-rollen').click();
    await fatima.getByTestId('role-name').fill('De brugbouwer');
    await fatima.getByTestId('role-description').fill('Verbindt gezinnen met het wijkteam.');
    await fatima.getByTestId('role-propose').click();
    await fatima.getByTestId('my-roles').getByText('De brugbouwer').waitFor();
    await screen.getByTestId('screen-role').filter({ hasText: 'De brugbouwer' }).waitFor();
    await researcher.getByTestId('researcher-role').filter({ hasText: 'De brugbouwer' }).waitFor();
    await facilitator
      .getByTestId('console-role-proposal')
      .filter({ hasText: 'De brugbouwer' })
      .getByTestId('role-accept')
      .click();
    await fatima.getByTestId('my-roles').getByText('Opgenomen in de rollencatalogus').waitFor();
    await screen.locator('.role-card--accepted').filter({ hasText: 'De brugbouwer' }).waitFor();
    await look(fatima, 'dayone-roles-phone');
    await look(screen, 'dayone-roles-screen');
    await look(facilitator, 'dayone-roles-console');

    // ---------- Boom van samenwerking ----------
    await goto('Boom van samenwerking', 'boom');
    await hanneke.getByTestId('tree-no-group').waitFor();
    await facilitator.getByTestId('tree-size').fill('2');
    await facilitator.getByTestId('tree-generate').click();
    await facilitator.getByTestId('tree-group-row').nth(1).waitFor();
    const treeNotes: Array<[Page, string, string]> = [
      [hanneke, 'roots', 'Vaste financiering'],
      [fatima, 'apples', 'Ouders vragen eerder hulp'],
      [marloes, 'wateringCan', 'Samen successen vieren'],
      [kwame, 'lubricant', 'Korte lijnen'],
    ];
    for (const [p, zone, text] of treeNotes) {
      await p.getByTestId('tree-group').waitFor();
      await p.getByTestId(`zone-${zone}`).click();
      await p.getByTestId('tree-input').fill(text);
      await p.getByTestId('tree-add').click();
      await p.locator(`[data-testid="tree-item"][data-zone="${zone}"]`).filter({ hasText: text }).waitFor();
    }
    for (const [, , text] of treeNotes) {
      // The screen shows every note in full (paged if needed).
      await screen.getByTestId('screen-tree-item').filter({ hasText: text }).waitFor();
      await researcher.getByTestId('researcher-tree-item').filter({ hasText: text }).waitFor();
    }
    await expect.poll(() => screen.getByTestId('screen-tree').count()).toBe(2);
    // Moderation: the facilitator moves a note to another zone; the author's phone follows.
    await facilitator
      .getByTestId('console-tree-item')
      .filter({ hasText: 'Korte lijnen' })
      .getByTestId('console-tree-zone')
      .selectOption('roots');
    await kwame.locator('[data-testid="tree-item"][data-zone="roots"]').filter({ hasText: 'Korte lijnen' }).waitFor();
    await look(hanneke, 'dayone-tree-phone');
    await look(screen, 'dayone-tree-screen');

    await facilitator.getByTestId('tree-phase-oogst').click();
    await facilitator
      .getByTestId('console-tree-item')
      .filter({ hasText: 'Vaste financiering' })
      .getByTestId('tree-pick')
      .check();
    await facilitator
      .getByTestId('console-tree-item')
      .filter({ hasText: 'Korte lijnen' })
      .getByTestId('tree-pick')
      .check();
    await facilitator.getByTestId('tree-link').click();
    await screen.getByTestId('screen-links').filter({ hasText: 'Vaste financiering' }).waitFor();
    const svg = facilitator.waitForEvent('download');
    await facilitator.getByTestId('tree-export-svg').first().click();
    expect((await svg).suggestedFilename()).toMatch(/^boom-.*\.svg$/);
    const png = facilitator.waitForEvent('download');
    await facilitator.getByTestId('tree-export-png').first().click();
    expect((await png).suggestedFilename()).toMatch(/^boom-.*\.png$/);
    await look(screen, 'dayone-harvest-screen');

    // ---------- Vooroordelenspel ----------
    await goto('Vooroordelenspel', 'vooroordelen');
    await hanneke.getByTestId('prejudice-waiting').waitFor();
    await facilitator
      .locator('[data-testid="console-statement"][data-statement-id="bron-1"]')
      .getByTestId('statement-show')
      .click();
    const answers: Array<[Page, number]> = [
      [hanneke, 5],
      [fatima, 2],
      [marloes, 4],
      [kwame, 2],
    ];
    for (const [p, value] of answers) {
      await p.getByTestId('prejudice-statement').filter({ hasText: 'Zelforganisaties' }).waitFor();
      await p.getByTestId(`answer-${value}`).click();
      await p.getByTestId('prejudice-sent').waitFor();
    }
    await look(hanneke, 'dayone-prejudice-phone');
    await expect.poll(() => screen.getByTestId('screen-answer-count').textContent()).toContain('4 antwoorden');
    await expect(screen.getByTestId('prejudice-distribution').count()).resolves.toBe(0);
    await facilitator
      .locator('[data-testid="console-statement"][data-statement-id="bron-1"]')
      .getByTestId('statement-reveal')
      .click();
    await screen.getByTestId('prejudice-distribution').waitFor();
    const bar = (side: string, v: number) => screen.getByTestId(`bar-${side}-${v}`).getAttribute('data-count');
    await expect.poll(() => bar('formal', 5)).toBe('1');
    expect(await bar('formal', 4)).toBe('1');
    expect(await bar('informal', 2)).toBe('2');
    await researcher
      .locator(
        '[data-testid="researcher-statement"][data-statement-id="bron-1"] [data-testid="bar-informal-2"][data-count="2"]',
      )
      .waitFor();

    // An anonymous suggestion reaches the console; a discussion note reaches the researcher.
    await kwame.getByTestId('prejudice-suggest').fill('Vrijwilligers houden zich niet aan afspraken');
    await kwame.getByTestId('prejudice-suggest-send').click();
    await facilitator
      .getByTestId('console-statement')
      .filter({ hasText: 'Vrijwilligers houden zich niet aan afspraken' })
      .waitFor();
    await facilitator.getByTestId('prejudice-note-input').fill('Herkenning verschilt per kant');
    await facilitator.getByTestId('prejudice-note-add').click();
    await researcher
      .getByTestId('prejudice-notes')
      .filter({ hasText: 'Herkenning verschilt per kant' })
      .first()
      .waitFor();
    await look(screen, 'dayone-prejudice-screen');
    await look(researcher, 'dayone-prejudice-researcher');

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
