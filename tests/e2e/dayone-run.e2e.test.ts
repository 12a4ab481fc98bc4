import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { createWorkshop } from '../helpers/clients';
import { e2eRoom, joinThroughForm, phoneContext, screenshot } from './browser';

/** Generous per-condition wait: the machine may be busy, every wait is for a condition, never for time. */
const WAIT = { timeout: 30_000 };

/**
 * One run through all of day one in programme order: a facilitator, the screen, four phones (two formal, two
 * informal, two cooperations) and a researcher. Each phone's contribution must reach the screen and the researcher.
 */
describe('day one, one run from opening to vooroordelenspel', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;

  const page = async (opts: BrowserContextOptions) => {
    const p = await room.page(opts);
    p.setDefaultTimeout(WAIT.timeout);
    return p;
  };

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
  }, 60_000);

  it('runs every day-one session from console to phones, screen and researcher', { timeout: 480_000 }, async () => {
    const facilitator = await page({ viewport: { width: 1366, height: 900 } });
    await facilitator.goto(w.links.facilitator);
    const screen = await page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(w.links.screen);
    const researcher = await page({ viewport: { width: 1280, height: 800 } });
    await researcher.goto(w.links.researcher);

    const join = async (name: string, group: string, side: 'formal' | 'informal') => {
      const phone = await room.keep(await phoneContext(room.browser)).newPage();
      phone.setDefaultTimeout(WAIT.timeout);
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
    const keep = async (exercise: string, phone: Page) => {
      await screenshot(screen, `dayone-run-${exercise}-screen`);
      await screenshot(phone, `dayone-run-${exercise}-phone`);
    };

    const goto = async (title: string, id: string) => {
      await facilitator.getByTestId('programme-item').filter({ hasText: title }).click();
      for (const p of [...phones, screen, researcher])
        await p.locator(`[data-testid="session-header"][data-session-id="${id}"]`).waitFor();
    };

    // ---------- Opening: every phone posts a note ----------
    await goto('Opening', 'opening');
    const notes: Array<[Page, string]> = [
      [hanneke, 'Ik werk in het wijkteam'],
      [fatima, 'Ik ben sleutelfiguur in Overvecht'],
      [marloes, 'Ik ben jeugdverpleegkundige'],
      [kwame, 'Ik leid een moedergroep'],
    ];
    for (const [p, text] of notes) {
      await p.getByTestId('note-input').fill(text);
      await p.getByTestId('note-post').click();
      await p.getByTestId('my-notes').getByText(text).waitFor();
    }
    for (const [, text] of notes) {
      await screen.getByTestId('screen-note').filter({ hasText: text }).waitFor();
      await researcher.getByTestId('researcher-note').filter({ hasText: text }).waitFor();
    }
    await keep('opening', fatima);

    // ---------- Pitch, preparation: each cooperation writes its pitch together ----------
    await goto('Pitch', 'pitch');
    const pitches: Array<[Page, Page, string, string, string, [string, string, string]]> = [
      [
        hanneke,
        fatima,
        'Utrecht',
        'Wij verbinden ouders. ',
        'Met de taal van de wijk. ',
        ['vertrouwen', 'taal', 'wijk'],
      ],
      [marloes, kwame, 'Zaandam', 'Samen naar school. ', 'Moeders helpen moeders. ', ['school', 'moeders', 'samen']],
    ];
    for (const [a, b, , textA, textB, keywords] of pitches) {
      for (const p of [a, b]) await p.getByTestId('pitch-editor').waitFor();
      await a.getByTestId('pitch-text').pressSequentially(textA, { delay: 10 });
      await expect.poll(() => b.getByTestId('pitch-text').inputValue(), WAIT).toContain(textA.trim());
      await b.getByTestId('pitch-text').pressSequentially(textB, { delay: 10 });
      await expect.poll(() => a.getByTestId('pitch-text').inputValue(), WAIT).toContain(textB.trim());
      await a.getByTestId('pitch-keyword-0').fill(keywords[0]);
      await b.getByTestId('pitch-keyword-1').fill(keywords[1]);
      await a.getByTestId('pitch-keyword-2').fill(keywords[2]);
    }
    for (const [, , group, textA, textB, keywords] of pitches) {
      const card = screen.getByTestId('pitch-card').filter({ hasText: group });
      for (const k of keywords) await card.getByText(k).waitFor();
      for (const text of [textA, textB])
        await researcher.getByTestId('researcher-pitch-text').filter({ hasText: text.trim() }).waitFor();
    }
    await keep('pitch-prepare', hanneke);

    // ---------- Pitch, presentation: order, countdown, a reaction ----------
    await facilitator.getByTestId('phase-present').click();
    const zaandamRow = facilitator.getByTestId('pitch-order').locator('li').filter({ hasText: 'Zaandam' });
    await zaandamRow.getByTestId('pitch-present').click();
    const current = screen.getByTestId('pitch-current');
    await current.filter({ hasText: 'Zaandam' }).waitFor();
    for (const name of ['Marloes', 'Kwame']) await current.getByText(name).waitFor();
    await current.getByTestId('pitch-keywords').getByText('school').waitFor();
    await current.locator('[data-testid="timer"][data-running="true"]').waitFor();
    await expect.poll(() => current.locator('.timer__clock').textContent(), WAIT).toMatch(/^[23]:\d\d$/);
    await fatima.getByTestId('pitch-now').waitFor();
    await fatima.getByTestId('reaction-struck').check();
    await fatima.getByTestId('reaction-text').fill('Sterk dat moeders elkaar helpen');
    await fatima.getByTestId('reaction-send').click();
    await fatima.getByTestId('my-reactions').getByText('Sterk dat moeders').waitFor();
    await keep('pitch-present', fatima);
    await facilitator.getByTestId('pitch-finish').click();
    await screen.getByTestId('pitch-reaction').filter({ hasText: 'Sterk dat moeders' }).waitFor();
    await researcher.getByTestId('pitch-researcher').getByText('Sterk dat moeders').waitFor();
    await screenshot(screen, 'dayone-run-pitch-reactions-screen');

    // ---------- Kader: the slide on every phone; a question ----------
    await goto('Kader', 'kader');
    for (const p of [screen, ...phones])
      await p.getByTestId('slide').getByText('Kader: samenwerking formeel en informeel').waitFor();
    await facilitator.getByTestId('slide-next').click();
    for (const p of [screen, ...phones]) await p.locator('[data-testid="slide-count"][data-slide="1"]').waitFor();
    const question = 'Wie betaalt de sleutelfiguren?';
    await kwame.getByTestId('question-input').fill(question);
    await kwame.getByTestId('question-send').click();
    const consoleQuestion = facilitator.getByTestId('console-questions').locator('li').filter({ hasText: question });
    await consoleQuestion.waitFor();
    await researcher.locator('details').getByText(question).waitFor();
    // The screen shows a question when the facilitator spotlights it.
    await consoleQuestion.getByRole('button', { name: 'Uitlichten' }).click();
    await screen.getByTestId('spotlight').filter({ hasText: question }).waitFor();
    await keep('kader', kwame);
    await consoleQuestion.getByRole('button', { name: 'Uitlichten' }).click();
    await screen.getByTestId('spotlight').waitFor({ state: 'detached' });

    // ---------- Krachten en rollen: a strength per phone, a role, accepted ----------
    await goto('Krachten en rollen', 'krachten-rollen');
    await facilitator.getByTestId('grouping-bySide').click();
    await hanneke.getByTestId('strengths-group').filter({ hasText: 'Formele werkers' }).waitFor();
    const strengths: Array<[Page, string, string]> = [
      [hanneke, 'knowledge', 'Kennen de taal van ouders'],
      [fatima, 'skills', 'Kunnen doorverwijzen'],
      [marloes, 'position', 'Worden vertrouwd in de wijk'],
      [kwame, 'power', 'Beheren budgetten'],
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
    await keep('strengths', marloes);
    await facilitator.getByTestId('strengths-phase-rollen').click();
    await kwame.getByTestId('role-name').fill('De wegwijzer');
    await kwame.getByTestId('role-description').fill('Wijst ouders de weg naar hulp.');
    await kwame.getByTestId('role-propose').click();
    await kwame.getByTestId('my-roles').getByText('De wegwijzer').waitFor();
    await screen.getByTestId('screen-role').filter({ hasText: 'De wegwijzer' }).waitFor();
    await researcher.getByTestId('researcher-role').filter({ hasText: 'De wegwijzer' }).waitFor();
    await facilitator
      .getByTestId('console-role-proposal')
      .filter({ hasText: 'De wegwijzer' })
      .getByTestId('role-accept')
      .click();
    await kwame.getByTestId('my-roles').getByText('Opgenomen in de rollencatalogus').waitFor();
    await screen.locator('.role-card--accepted').filter({ hasText: 'De wegwijzer' }).waitFor();
    await keep('roles', kwame);

    // ---------- Boom: mixed groups, a tree item per phone ----------
    await goto('Boom van samenwerking', 'boom');
    await hanneke.getByTestId('tree-no-group').waitFor();
    await facilitator.getByTestId('tree-size').fill('2');
    await facilitator.getByTestId('tree-generate').click();
    await facilitator.getByTestId('tree-group-row').nth(1).waitFor();
    const treeNotes: Array<[Page, string, string]> = [
      [hanneke, 'roots', 'Tijd van de gemeente'],
      [fatima, 'apples', 'Minder uitval op school'],
      [marloes, 'wateringCan', 'Elkaar bedanken'],
      [kwame, 'lubricant', 'Een vaste koffieochtend'],
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
    await expect.poll(() => screen.getByTestId('screen-tree').count(), WAIT).toBe(2);
    await keep('tree', hanneke);

    // ---------- Vooroordelenspel: answers, then the reveal ----------
    await goto('Vooroordelenspel', 'vooroordelen');
    await hanneke.getByTestId('prejudice-waiting').waitFor();
    const statement = facilitator.locator('[data-testid="console-statement"][data-statement-id="bron-1"]');
    await statement.getByTestId('statement-show').click();
    const answers: Array<[Page, number]> = [
      [hanneke, 4],
      [fatima, 1],
      [marloes, 4],
      [kwame, 3],
    ];
    for (const [p, value] of answers) {
      await p.getByTestId('prejudice-statement').filter({ hasText: 'Zelforganisaties' }).waitFor();
      await p.getByTestId(`answer-${value}`).click();
      await p.getByTestId('prejudice-sent').waitFor();
    }
    await expect.poll(() => screen.getByTestId('screen-answer-count').textContent(), WAIT).toContain('4 antwoorden');
    await statement.getByTestId('statement-reveal').click();
    await screen.getByTestId('prejudice-distribution').waitFor();
    const counts: Array<[string, number, string]> = [
      ['formal', 4, '2'],
      ['informal', 1, '1'],
      ['informal', 3, '1'],
    ];
    for (const [side, v, n] of counts) {
      await screen.locator(`[data-testid="bar-${side}-${v}"][data-count="${n}"]`).waitFor();
      await researcher
        .locator(
          `[data-testid="researcher-statement"][data-statement-id="bron-1"] [data-testid="bar-${side}-${v}"][data-count="${n}"]`,
        )
        .waitFor();
    }
    await keep('prejudice', marloes);
  });
});
