import { describe, expect, it } from 'vitest';
import { readMeta } from '../../shared/controlDoc';
import { createWorkshop, ioClient, joinAs, synced, yClient } from '../helpers/clients';
import {
  describeViolations,
  e2eRoom,
  joinedPhoneContext,
  joinThroughForm,
  phoneContext,
  screenshot,
  seriousA11yViolations,
  openStaffPage,
} from './browser';

/**
 * The facilitator sets the workshop's own settings in the console: the title, the consent text as the study's ethics
 * approval words it (Dutch and English, with its paragraphs), and the time zone transcripts use. Phones that join
 * after the change see the new text and record its version; the console says who agreed to an earlier one.
 */
describe('workshop settings in the console', () => {
  const room = e2eRoom();

  it('changes title, consent text and time zone; phones and exports follow', { timeout: 120_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    // Someone joined before the change, with their phone open: they keep the version they agreed to until they agree
    // to the new one.
    const first = await joinAs(room.server.url, w, 'Eerste Deelnemer');
    const firstPhone = await (await joinedPhoneContext(room.browser, w.id, first).then(room.keep)).newPage();
    await firstPhone.goto(`${room.server.url}/p/${w.id}`);
    await firstPhone.getByTestId('participant-identity').waitFor();
    expect(await firstPhone.getByTestId('consent-renewal').count()).toBe(0);

    const facilitator = await openStaffPage(room, w.links.facilitator);
    const panel = facilitator.getByTestId('settings-panel');
    await panel.locator('summary').click();
    await expect.poll(() => facilitator.getByTestId('settings-consent-version').textContent()).toContain('versie 1');
    expect(await facilitator.getByTestId('settings-save').isDisabled()).toBe(true);

    const consent = 'Wij nemen uw bijdragen op voor onderzoek.\nU kunt altijd vragen om verwijdering.';
    await facilitator.getByTestId('settings-title').fill('Werkplaats Samen Sterk');
    await facilitator.getByTestId('settings-consent-nl').fill(consent);
    await facilitator.getByTestId('settings-consent-en').fill('We record your contributions for research.');
    await facilitator.getByTestId('settings-zone').selectOption('America/New_York');
    await facilitator.getByTestId('settings-save').click();
    await facilitator.getByTestId('settings-saved').waitFor();
    // The console's header shows the new title; the consent text is version 2 now, one person agreed to version 1.
    await facilitator.locator('.topbar__title').filter({ hasText: 'Werkplaats Samen Sterk' }).waitFor();
    await expect.poll(() => facilitator.getByTestId('settings-consent-version').textContent()).toContain('versie 2');
    expect(await facilitator.getByTestId('settings-consent-version').textContent()).toContain(
      '1 deelnemer stemde in met een eerdere versie',
    );
    expect(describeViolations(await seriousA11yViolations(facilitator))).toEqual([]);
    await screenshot(facilitator, 'console-settings');

    // The phone that joined before is asked to agree to the new text (a stale version is refused).
    const renewal = firstPhone.getByTestId('consent-renewal');
    await renewal.filter({ hasText: 'U kunt altijd vragen om verwijdering.' }).waitFor();
    expect(describeViolations(await seriousA11yViolations(firstPhone))).toEqual([]);
    await screenshot(firstPhone, 'phone-consent-renewal');
    const stale = ioClient(room.server.url, first.token);
    await stale.connected();
    expect((await stale.command({ type: 'consent.agree', version: 1 })).ok).toBe(false);
    stale.close();
    await firstPhone.getByTestId('consent-renewal-agree').click();
    await renewal.waitFor({ state: 'detached' });
    await expect
      .poll(() => facilitator.getByTestId('settings-consent-version').textContent())
      .not.toContain('eerdere versie');

    // A phone joining now reads the new text, paragraphs kept, and agrees to version 2.
    const phone = await (await phoneContext(room.browser).then(room.keep)).newPage();
    await phone.goto(w.links.join);
    const shown = phone.locator('#consent-text');
    await shown.filter({ hasText: 'U kunt altijd vragen om verwijdering.' }).waitFor();
    const lines = await shown.evaluate(
      (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
    );
    expect(lines).toBeGreaterThanOrEqual(2);
    await screenshot(phone, 'join-consent-settings');
    await joinThroughForm(phone, { name: 'Tweede Deelnemer', group: 'Utrecht', side: 'informal' });
    await phone.getByTestId('note-input').fill('Goed dat we elkaar zien');
    await phone.getByTestId('note-post').click();
    await phone.getByTestId('my-notes').getByText('Goed dat we elkaar zien').waitFor();

    // The record: both agreed to version 2, the transcript's times are New York's.
    const cases = await fetch(`${room.server.url}/api/workshops/${w.id}/export?format=json`, {
      headers: { authorization: `Bearer ${w.tokens.researcher}` },
    }).then((r) => r.json() as Promise<{ participants: Array<{ consentVersion: number | null }> }>);
    expect(cases.participants.map((p) => p.consentVersion)).toEqual([2, 2]);
    const md = await fetch(`${room.server.url}/api/workshops/${w.id}/export?format=md`, {
      headers: { authorization: `Bearer ${w.tokens.researcher}` },
    }).then((r) => r.text());
    expect(md).toContain('# Werkplaats Samen Sterk');
    expect(md).toContain('tijden in America/New_York');
    expect(md).toMatch(/Goed dat we elkaar zien · \d\d:\d\d \(-0[45]:00\)/);

    // Empty texts cannot be saved; the server refuses a zone that does not exist, and nothing changes.
    await facilitator.getByTestId('settings-consent-en').fill('  ');
    expect(await facilitator.getByTestId('settings-save').isDisabled()).toBe(true);
    const control = ioClient(room.server.url, w.tokens.facilitator);
    await control.connected();
    const refused = await control.command({ type: 'workshop.update', timeZone: 'Mars/Olympus_Mons' });
    expect(refused.ok).toBe(false);
    control.close();
    const again = await fetch(`${room.server.url}/api/workshops/${w.id}/export?format=md`, {
      headers: { authorization: `Bearer ${w.tokens.researcher}` },
    }).then((r) => r.text());
    expect(again).toContain('tijden in America/New_York');
  });

  it(
    'follows another console: unedited fields take its change, an edit is kept and flagged, saving reverts nothing else',
    {
      timeout: 90_000,
    },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const facilitator = await openStaffPage(room, w.links.facilitator);
      await facilitator.getByTestId('settings-panel').locator('summary').click();
      const field = (id: string) => facilitator.getByTestId(id);
      const original = await field('settings-consent-en').inputValue();
      // The facilitator's tablet: another console on the same workshop.
      const tablet = ioClient(room.server.url, w.tokens.facilitator);
      await tablet.connected();
      try {
        // Nobody edits the title here: it follows the tablet's, and there is nothing to save.
        expect((await tablet.command({ type: 'workshop.update', title: 'Werkplaats Noord' })).ok).toBe(true);
        await expect.poll(() => field('settings-title').inputValue()).toBe('Werkplaats Noord');
        expect(await field('settings-save').isDisabled()).toBe(true);
        expect(await field('settings-overtaken').count()).toBe(0);

        // The Dutch consent text is being edited here when the tablet changes both texts: the edit stays, flagged; the
        // English text, untouched here, follows the tablet.
        await field('settings-consent-nl').fill('Wij bewaren wat u schrijft voor het onderzoek.');
        const tabletText = { nl: 'Tekst van de tablet.', en: 'Text from the tablet.' };
        expect((await tablet.command({ type: 'workshop.update', consentText: tabletText })).ok).toBe(true);
        await expect.poll(() => field('settings-consent-en').inputValue()).toBe('Text from the tablet.');
        expect(await field('settings-consent-nl').inputValue()).toBe('Wij bewaren wat u schrijft voor het onderzoek.');
        await field('settings-overtaken').waitFor();
        expect(original).not.toBe('Text from the tablet.');
        expect(describeViolations(await seriousA11yViolations(facilitator))).toEqual([]);
        await screenshot(facilitator, 'console-settings-overtaken');

        // Saving writes this console's Dutch text, and neither the tablet's title nor its English text goes back.
        await field('settings-save').click();
        await field('settings-saved').waitFor();
        await field('settings-overtaken').waitFor({ state: 'detached' });
        const control = yClient(room.server.url, w.id, 'control', w.tokens.facilitator);
        try {
          await synced(control);
          expect(readMeta(control.doc)).toMatchObject({
            title: 'Werkplaats Noord',
            consentText: { nl: 'Wij bewaren wat u schrijft voor het onderzoek.', en: 'Text from the tablet.' },
          });
        } finally {
          control.destroy();
        }
      } finally {
        tablet.close();
      }
    },
  );
});
