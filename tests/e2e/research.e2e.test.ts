import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkshop, joinAs } from '../helpers/clients';
import { unzipWithPython, validateQde } from '../helpers/research';
import {
  describeViolations,
  e2eRoom,
  joinThroughForm,
  phoneContext,
  screenshot,
  seriousA11yViolations,
} from './browser';

/** A researcher observes a group live and codes it from the keyboard while a phone posts, then exports the record. */
describe('research: observe, code with the keyboard, replay, export', () => {
  const room = e2eRoom();

  it('takes coded notes while a phone posts, and exports them under pseudonyms', { timeout: 120_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    await joinAs(room.server.url, w, 'Hendrika Vermeulen', 0, 'formal');

    // A phone joins Utrecht through the join page.
    const phone = await room.keep(await phoneContext(room.browser)).newPage();
    await phone.goto(w.links.join);
    await joinThroughForm(phone, { name: 'Yasmina Bakkali', group: 'Utrecht', side: 'informal' });

    // The researcher follows Utrecht.
    const r = await room.page({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await r.goto(w.links.researcher);
    await r.locator('[data-testid="research-doc-status"][data-connected="true"]').waitFor();
    await r.getByTestId('console-researcher-name').fill('Els Onderzoeker');
    await r.getByTestId('researcher-group').selectOption({ label: 'Utrecht' });
    // A researcher knows participants by their pseudonym only (Yasmina joined second: P02), never by name.
    await r.getByTestId('speakers').getByRole('button', { name: /P02/ }).waitFor();
    expect(await r.getByTestId('speakers').textContent()).not.toContain('Yasmina');

    // The phone posts; the note appears in the researcher's live feed.
    const posted = 'We kennen elkaar nog te weinig 😊 écht';
    await phone.getByTestId('note-input').fill(posted);
    await phone.getByTestId('note-post').click();
    await r.getByTestId('feed-item').filter({ hasText: posted }).waitFor();
    // Its provenance comes from the server's log: who wrote it and when it arrived.
    await r.getByTestId('feed-item').filter({ hasText: posted }).getByRole('button', { name: 'Herkomst' }).click();
    await expect.poll(() => r.getByTestId('provenance').textContent()).toContain('Geschreven door P02');

    // Keyboard only: type, Alt+2 speaker (Yasmina joined second), Alt+Q quote, Alt+L link, Alt+C code, Enter.
    const text = r.getByTestId('obs-text');
    await text.focus();
    await r.keyboard.type('Vertrouwen komt te voet 🤝');
    await r.keyboard.press('Alt+Digit2');
    await r.keyboard.press('Alt+KeyQ');
    await r.keyboard.press('Alt+KeyL');
    await expect.poll(() => r.getByTestId('obs-quote').isChecked()).toBe(true);
    await r.getByTestId('draft-links').waitFor();
    await r.keyboard.press('Alt+KeyC');
    await expect.poll(() => r.evaluate(() => document.activeElement?.id)).toBe('code-search');
    await r.keyboard.type('vertrouw');
    await r.keyboard.press('Enter');
    await r.getByTestId('draft-codes').getByRole('button', { name: 'Vertrouwen ×', exact: true }).waitFor();
    // A code of her own: no match, so Enter creates it.
    await r.keyboard.type('Humor als brug');
    await r.keyboard.press('Enter');
    await r.getByTestId('draft-codes').getByText('Humor als brug').waitFor();
    await r.keyboard.press('Enter'); // empty search: back to the note
    await expect.poll(() => r.evaluate(() => document.activeElement?.id)).toBe('obs-text');
    await r.keyboard.press('Enter');
    const saved = r.getByTestId('observation').filter({ hasText: 'Vertrouwen komt te voet' });
    await saved.waitFor();
    await expect.poll(() => saved.getByTestId('observation-codes').textContent()).toContain('Vertrouwen');
    // The linked contribution is counted in words (no pictogram a laptop without an emoji font shows as a box).
    await expect.poll(() => saved.getByTestId('observation-codes').textContent()).toContain('1 gekoppelde bijdrage');
    await expect.poll(() => saved.textContent()).toContain('P02');

    // Her own note can be edited.
    await saved.getByRole('button', { name: 'Bewerk' }).click();
    await text.fill('Vertrouwen komt te voet en gaat te paard 🤝');
    await text.press('Enter');
    await r.getByTestId('observation').filter({ hasText: 'gaat te paard' }).filter({ hasText: 'bewerkt' }).waitFor();
    await expect.poll(() => r.getByTestId('summary-observations').textContent()).toBe('1');

    // The timeline replays the board from the log.
    await r.getByTestId('timeline-load').click();
    await expect.poll(() => r.getByTestId('timeline-count').getAttribute('data-count')).toBe('1');

    const violations = describeViolations(await seriousA11yViolations(r));
    await screenshot(r, 'researcher-console');
    expect(violations).toEqual([]);

    // Exports from the console: pseudonyms only.
    const download = async (format: string) => {
      const [d] = await Promise.all([r.waitForEvent('download'), r.getByTestId(`export-${format}`).click()]);
      const file = await d.path();
      return readFileSync(file);
    };
    const csv = (await download('csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('P02');
    expect(csv).toContain('gaat te paard');
    const qdpx = unzipWithPython(await download('qdpx'));
    expect(validateQde(qdpx['project.qde'] ?? '')).toBeNull();
    const md = (await download('md')).toString('utf8');
    expect(md).toContain(`P02: ${posted}`);
    for (const body of [csv, md, ...Object.values(qdpx)]) {
      for (const name of ['Yasmina', 'Bakkali', 'Hendrika', 'Vermeulen', 'Els Onderzoeker'])
        expect(body).not.toContain(name);
    }
  });
});
