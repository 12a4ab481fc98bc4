import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { api, createWorkshop } from '../helpers/clients';
import { e2eRoom, openPhones, openStaffPage } from './browser';

/**
 * Two and three phones of one cooperation type different sentences into the shared vision statement at human speed
 * (~6 characters a second), all at the end of the text at the same time: each writer's sentence is intact on every
 * phone, on the screen and in the JSON export.
 */
describe('a shared text many write at once', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;
  let facilitator: Page;
  let screen: Page;

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    facilitator = await openStaffPage(room, w.links.facilitator);
    screen = await room.page({ viewport: { width: 1280, height: 720 } });
    await screen.goto(w.links.screen);
    await facilitator.locator('[data-testid="programme-item"][data-session-id="visie"]').click();
    await screen.locator('[data-testid="session-header"][data-session-id="visie"]').first().waitFor();
  }, 60_000);

  const phones = (names: string[], groupIndex: number): Promise<Page[]> =>
    openPhones(room, w, names, groupIndex, 'visie');

  /** Every phone's field is bound to the statement (it exists), and each writer's caret is at the end. */
  async function ready(ps: Page[], start: string) {
    const field = (p: Page) => p.getByTestId('vision-statement');
    await field(ps[0]!).focus();
    await ps[0]!.locator('[data-testid="vision-statement"]:not([readonly])').waitFor();
    await field(ps[0]!).press('Control+End');
    await ps[0]!.keyboard.type(start);
    for (const p of ps) {
      await expect.poll(() => field(p).inputValue()).toBe(start);
      await field(p).focus();
      await field(p).press('Control+End');
    }
  }

  async function typeTogether(ps: Page[], sentences: string[], group: string) {
    await Promise.all(ps.map((p, i) => p.keyboard.type(sentences[i]!, { delay: 160 })));
    const values = () => Promise.all(ps.map((p) => p.getByTestId('vision-statement').inputValue()));
    // All phones agree, and every sentence is in one piece.
    await expect.poll(async () => new Set(await values()).size, { timeout: 10_000 }).toBe(1);
    const [value] = await values();
    for (const s of sentences) expect(value, `"${s}" in "${value}"`).toContain(s);

    // The screen shows the same text.
    await facilitator.getByTestId('vision-present').filter({ hasText: group }).click();
    const shown = screen
      .locator(`[data-testid="vision-board"][data-group-name="${group}"]`)
      .getByTestId('vision-statement-view');
    await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toContain(sentences[0]);
    const onScreen = (await shown.textContent()) ?? '';
    for (const s of sentences) expect(onScreen).toContain(s);

    // And so does the record.
    const exported = await api<unknown>(room.server.url, `/api/workshops/${w.id}/export?format=json`, {
      token: w.tokens.facilitator,
    });
    expect(exported.status).toBe(200);
    const json = JSON.stringify(exported.body);
    for (const s of sentences) expect(json).toContain(s);
  }

  it('keeps two writers’ sentences whole', { timeout: 120_000 }, async () => {
    const ps = await phones(['Fatima', 'Hanneke'], 0);
    await ready(ps, 'Visie. ');
    await typeTogether(ps, ['De sleutelfiguren blijven informeel.', 'Het wijkteam komt naar de moskee.'], 'Utrecht');
  });

  it('keeps three writers’ sentences whole', { timeout: 120_000 }, async () => {
    const ps = await phones(['Ayşe', 'Marloes', 'Peter'], 1);
    await ready(ps, 'Samen: ');
    await typeTogether(
      ps,
      ['Wij zoeken elkaar vaker op.', 'De buurtvaders schuiven aan.', 'Het plan komt op papier.'],
      'Zaandam',
    );
  });
});
