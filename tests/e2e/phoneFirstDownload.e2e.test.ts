import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { createWorkshop } from '../helpers/clients';
import { e2eRoom, joinThroughForm, phoneContext } from './browser';

/** zod's class names survive minification (`$constructor("$ZodObject", …)`): a script holding one carries zod. */
const ZOD_MARK = '$ZodObject';
/** The English strings and the staff pages' strings: neither belongs in a Dutch phone's download. */
const ENGLISH_MARK = 'Schakel naar Nederlands';
const STAFF_MARK = 'Nieuwe scherm- en onderzoekerslinks';

/** Every script the page fetches, with its text, as it arrives. */
function scriptsOf(page: Page): Map<string, string> {
  const scripts = new Map<string, string>();
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    void r.text().then(
      (body) => scripts.set(r.url(), body),
      () => scripts.set(r.url(), ''),
    );
  });
  return scripts;
}

/**
 * The phone's first download is small (docs/PERFORMANCE.md): joining and the participant page, with the next session's
 * view preloaded, fetch no zod, no English strings and no staff strings. The item schemas (zod) arrive when the person
 * first touches the page, before they send anything, and the write goes through as before.
 */
describe("the phone's first download", () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
  }, 60_000);

  it('holds no zod until the person touches the page; a note then posts as before', { timeout: 90_000 }, async () => {
    const phone = await room.keep(await phoneContext(room.browser)).newPage();
    const scripts = scriptsOf(phone);
    await phone.goto(w.links.join);
    await joinThroughForm(phone, { name: 'Amina', group: 'Utrecht', side: 'formal' });
    await phone.getByTestId('note-input').waitFor();
    // The participant page preloads the next session's view when idle: wait until nothing is fetched any more.
    await phone.waitForLoadState('networkidle');
    expect(scripts.size).toBeGreaterThan(0);
    const carrying = (mark: string) => [...scripts].filter(([, body]) => body.includes(mark)).map(([url]) => url);
    expect(carrying(ZOD_MARK)).toEqual([]);
    expect(carrying(ENGLISH_MARK)).toEqual([]);
    expect(carrying(STAFF_MARK)).toEqual([]);

    // The first touch loads the schemas for the courtesy check before a write.
    await phone.getByTestId('note-input').focus();
    await expect.poll(() => carrying(ZOD_MARK).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await phone.getByTestId('note-input').fill('  Samen sterker  ');
    await phone.getByTestId('note-post').click();
    // The schema trims the text, as it did when zod was in the first download.
    await phone.getByTestId('my-notes').getByText('Samen sterker', { exact: true }).waitFor();
    expect(await phone.getByTestId('note-input').inputValue()).toBe('');
  });

  it('shows a page stored as English in English from its first render, and switches both ways', async () => {
    const ctx = room.keep(await phoneContext(room.browser));
    await ctx.addInitScript(() => window.localStorage.setItem('werkplaats:lang', 'en'));
    const phone = await ctx.newPage();
    const scripts = scriptsOf(phone);
    await phone.goto(w.links.join);
    await phone.getByTestId('join-submit').waitFor();
    // The first render already speaks English: the page waited for the English strings instead of flashing Dutch.
    expect(await phone.getByTestId('join-submit').textContent()).toBe('Join');
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => [...scripts.values()].some((b) => b.includes(ENGLISH_MARK))).toBe(true);
    await phone.getByTestId('lang-switch').click();
    await expect.poll(() => phone.getByTestId('join-submit').textContent()).toBe('Meedoen');
    await phone.getByTestId('lang-switch').click();
    await expect.poll(() => phone.getByTestId('join-submit').textContent()).toBe('Join');
  });
});
