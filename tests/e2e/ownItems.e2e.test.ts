import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { api, createWorkshop, joinAs } from '../helpers/clients';
import {
  describeViolations,
  e2eRoom,
  joinedPhoneContext,
  phoneContext,
  screenshot,
  seriousA11yViolations,
  openStaffPage,
} from './browser';

/** Words of the page's headings and choices that the browser split over two lines without a hyphen. */
const wordsBrokenMidWord = (p: Page) =>
  p.evaluate(() => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll('h1, h2, h3, .choice, .ex-badge')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });

/**
 * A participant owns their words: on a 360 px phone they post a strength, edit it in place (the screen shows the
 * edit), delete it after "Weet je het zeker?", and undo the delete. In a mixed group the phone names who else is in it.
 */
describe('own contributions on the phone', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Onderzoekswerkplaats Utrecht', 'Zaandam']);
  }, 60_000);

  it(
    'posts, edits, deletes and undoes a strength; the screen follows; mixed groups show names',
    { timeout: 150_000 },
    async () => {
      const facilitator = await openStaffPage(room, w.links.facilitator);
      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      await screen.goto(w.links.screen);
      const anouk = await joinAs(room.server.url, w, 'Anouk', 0, 'formal');
      await joinAs(room.server.url, w, 'Bram', 0, 'informal');
      const phone = await room.keep(await joinedPhoneContext(room.browser, w.id, anouk)).newPage();
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
      expect(await phone.evaluate(() => window.innerWidth)).toBe(360);

      await facilitator.locator('[data-testid="programme-item"][data-session-id="krachten-rollen"]').click();
      for (const p of [phone, screen])
        await p.locator('[data-testid="session-header"][data-session-id="krachten-rollen"]').first().waitFor();
      await facilitator.getByTestId('grouping-mixed').click();
      // Mixed groups name the other members, not only "Groep 1".
      await phone.getByTestId('strengths-group').filter({ hasText: 'Bram' }).waitFor();

      const first = 'Kennen de families in de wijk';
      const edited = 'Kennen de families en de buurtvaders in de wijk';
      await phone.getByTestId('dimension-skills').click();
      await phone.getByTestId('strength-input').fill(first);
      await phone.getByTestId('strength-post').click();
      const mine = phone.getByTestId('my-strength').filter({ hasText: first });
      await mine.waitFor();
      await screen.getByTestId('strength-card').filter({ hasText: first }).waitFor();

      // Edit in place, with the same limit as creating it.
      await mine.getByTestId('own-edit').click();
      const field = phone.getByTestId('own-edit-text');
      expect(await field.inputValue()).toBe(first);
      await field.fill('x'.repeat(501));
      await phone.getByTestId('own-save').click();
      await phone.getByRole('alert').filter({ hasText: '500' }).waitFor();
      await field.fill(edited);
      await phone.getByTestId('own-save').click();
      const mineEdited = phone.getByTestId('my-strength').filter({ hasText: edited });
      await mineEdited.waitFor();
      await screen.getByTestId('strength-card').filter({ hasText: edited }).waitFor();
      await expect.poll(() => screen.getByTestId('strength-card').filter({ hasText: first }).count()).toBe(0);

      // Delete asks first; "Nee" keeps it.
      await mineEdited.getByTestId('own-delete').click();
      await phone.getByText('Weet je het zeker?').waitFor();
      await phone.getByRole('button', { name: 'Nee' }).click();
      await mineEdited.getByTestId('own-delete').click();
      await screenshot(phone, 'own-items-confirm-360');
      expect(describeViolations(await seriousA11yViolations(phone))).toEqual([]);
      await phone.getByTestId('own-delete-yes').click();
      await expect.poll(() => phone.getByTestId('my-strength').count()).toBe(0);
      await expect.poll(() => screen.getByTestId('strength-card').filter({ hasText: edited }).count()).toBe(0);

      // Undo brings it back, with its text, on the phone and the screen.
      await phone.getByTestId('own-undo-bar').waitFor();
      await screenshot(phone, 'own-items-undo-360');
      expect(describeViolations(await seriousA11yViolations(phone))).toEqual([]);
      const bar = await phone.getByTestId('own-undo-bar').boundingBox();
      expect(bar && bar.x >= 0 && bar.x + bar.width <= 360, JSON.stringify(bar)).toBe(true);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await phone.getByTestId('own-undo').click();
      await phone.getByTestId('my-strength').filter({ hasText: edited }).waitFor();
      await screen.getByTestId('strength-card').filter({ hasText: edited }).waitFor();
      await phone.getByTestId('own-undo-bar').waitFor({ state: 'detached' });

      // Measured once everything is saved (the header's transient "nog niet alles opgeslagen" is the phone view's).
      await phone.locator('[data-testid="saved-state"][data-saved="true"]').waitFor();
      // Nothing on the phone scrolls sideways, and no heading or choice is broken in the middle of a word.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await wordsBrokenMidWord(phone)).toEqual([]);
      await screenshot(phone, 'own-items-360');

      // The same actions in another exercise: a tree note is edited, deleted and brought back the same way.
      await facilitator.locator('[data-testid="programme-item"][data-session-id="boom"]').click();
      await phone.getByTestId('tree-no-group').waitFor();
      await facilitator.getByTestId('tree-generate').click();
      await phone.getByTestId('tree-group').waitFor();
      await phone.getByTestId('tree-input').fill('Vaste financiering');
      await phone.getByTestId('tree-add').click();
      const treeNote = phone.getByTestId('tree-item').filter({ hasText: 'Vaste financiering' });
      await treeNote.waitFor();
      await treeNote.getByTestId('own-edit').click();
      await phone.getByTestId('own-edit-text').fill('Vaste financiering voor vier jaar');
      await phone.getByTestId('own-save').click();
      const edited2 = phone.getByTestId('tree-item').filter({ hasText: 'voor vier jaar' });
      await edited2.getByTestId('own-delete').click();
      await phone.getByTestId('own-delete-yes').click();
      await expect.poll(() => phone.getByTestId('tree-item').count()).toBe(0);
      await phone.getByTestId('own-undo').click();
      await edited2.waitFor();
      expect(describeViolations(await seriousA11yViolations(phone))).toEqual([]);
    },
  );

  it('wraps long Dutch words between words on the landing and join pages at 360 px', { timeout: 60_000 }, async () => {
    const r = await api<CreateWorkshopResponse>(room.server.url, '/api/workshops', {
      token: room.server.organiserKey,
      body: { title: 'Tweedaagse onderzoekswerkplaats (demo)', groups: ['Onderzoekswerkplaats Utrecht'] },
    });
    const phone = await room.keep(await phoneContext(room.browser)).newPage();
    for (const [view, url] of [
      ['landing', `${room.server.url}/`],
      ['join', r.body.links.join],
    ] as const) {
      await phone.goto(url);
      await phone.locator('h1').first().waitFor();
      if (view === 'join') await phone.getByTestId('join-name').waitFor();
      expect(await wordsBrokenMidWord(phone), view).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(360);
      await screenshot(phone, `words-${view}-360`);
    }
  });
});
