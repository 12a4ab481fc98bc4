import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient } from '../helpers/clients';
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
 * The toolkit with the pitch and the framework, one browser context per person: the facilitator's console, the
 * screen, and two phones of the same cooperation (one formal, one informal).
 */
describe('toolkit, pitch and kader in the browser', () => {
  const room = e2eRoom();
  const a11y: Record<string, string[]> = {};
  const checkA11y = async (page: Page, view: string) => {
    a11y[view] = describeViolations(await seriousA11yViolations(page));
    await screenshot(page, view);
  };

  it(
    'runs pitch preparation, a timed presentation with reactions, and the kader slides',
    { timeout: 150_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const facilitator = await openStaffPage(room, w.links.facilitator);
      await facilitator.getByTestId('toolkit-panel').waitFor();
      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      await screen.goto(w.links.screen);
      await screen.getByTestId('session-title').waitFor();

      const joinPhone = async (name: string, side: 'formal' | 'informal') => {
        const phone = await room.keep(await phoneContext(room.browser)).newPage();
        await phone.goto(w.links.join);
        return joinThroughForm(phone, { name, group: 'Utrecht', side });
      };
      const amina = await joinPhone('Amina', 'formal');
      const bram = await joinPhone('Bram', 'informal');

      // Toolkit: ready per group, raised hand and lowering it, summon.
      await amina.getByTestId('ready-toggle').click();
      await facilitator.locator('[data-testid="ready-group"][data-ready="1"]').filter({ hasText: 'Utrecht' }).waitFor();
      await bram.getByTestId('hand-toggle').click();
      await bram.getByTestId('hand-raised').waitFor();
      await facilitator.getByTestId('raised-hand').filter({ hasText: 'Bram' }).waitFor();
      await facilitator.getByTestId('lower-hand').click();
      await bram.getByTestId('hand-raised').waitFor({ state: 'detached' });
      await facilitator.getByTestId('summon').click();
      await amina.getByTestId('summoned').waitFor();
      await bram.getByTestId('summoned').waitFor();
      await facilitator.getByTestId('toggle-sound').click();
      await screen.locator('[data-testid="timer-cue"][data-sound="true"]').waitFor({ state: 'attached' });

      // Pitch, preparation: both phones type into the group's one pitch at the same time; the texts merge.
      await facilitator.getByTestId('session-next').click();
      for (const p of [amina, bram]) await p.getByTestId('pitch-editor').waitFor();
      // The new session cleared the ready signal.
      await facilitator.locator('[data-testid="ready-group"][data-ready="0"]').filter({ hasText: 'Utrecht' }).waitFor();
      await Promise.all([
        amina.getByTestId('pitch-text').pressSequentially('Wij verbinden ouders. ', { delay: 15 }),
        bram.getByTestId('pitch-text').pressSequentially('Samen sterk! ', { delay: 15 }),
      ]);
      for (const p of [amina, bram]) {
        await expect.poll(() => p.getByTestId('pitch-text').inputValue()).toContain('Wij verbinden ouders.');
        await expect.poll(() => p.getByTestId('pitch-text').inputValue()).toContain('Samen sterk!');
      }
      expect(await amina.getByTestId('pitch-text').inputValue()).toBe(
        await bram.getByTestId('pitch-text').inputValue(),
      );
      await bram.getByTestId('pitch-keyword-0').fill('vertrouwen');
      await amina.getByTestId('pitch-keyword-1').fill('taal');
      const utrechtCard = screen.locator('[data-testid="pitch-card"]').filter({ hasText: 'Utrecht' });
      await utrechtCard.getByText('vertrouwen').waitFor();
      await utrechtCard.getByText('taal').waitFor();
      // An optional photo: downscaled to a small JPEG on the phone, shown on the screen's card.
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
      await amina.getByTestId('pitch-photo').setInputFiles({ name: 'groep.png', mimeType: 'image/png', buffer: png });
      await utrechtCard.getByRole('img', { name: 'Foto van Utrecht' }).waitFor();
      // The one photo path: uploaded, the pitch keeps the upload's id, the screen shows the stored file.
      expect(await utrechtCard.getByRole('img').getAttribute('src')).toMatch(/^blob:/);
      // A real phone photo (12 MP of detail, several MB): scaled on the phone, uploaded, never a refused write.
      const big = await amina.evaluate(async () => {
        const c = document.createElement('canvas');
        c.width = 4000;
        c.height = 3000;
        const g = c.getContext('2d')!;
        const img = g.createImageData(c.width, c.height);
        for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) >>> 24;
        g.putImageData(img, 0, 0);
        const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.95));
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(bin);
      });
      const bigPhoto = Buffer.from(big, 'base64');
      expect(bigPhoto.length).toBeGreaterThan(1_000_000);
      const before = await utrechtCard.getByRole('img').getAttribute('src');
      await amina
        .getByTestId('pitch-photo')
        .setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: bigPhoto });
      await expect.poll(() => utrechtCard.getByRole('img').getAttribute('src'), { timeout: 15_000 }).not.toBe(before);
      expect(await amina.getByTestId('pitch-photo-error').count()).toBe(0);
      expect(await amina.getByTestId('connection-refused').count()).toBe(0);
      expect(await amina.getByTestId('pitch-text').inputValue()).toContain('Wij verbinden ouders.');
      await checkA11y(amina, 'pitch-phone-prepare');
      await checkA11y(screen, 'pitch-screen-prepare');

      // A researcher follows the pitch text live.
      const researcher = await room.page({ viewport: { width: 1280, height: 800 } });
      await researcher.goto(w.links.researcher);
      await researcher.getByTestId('researcher-pitch-text').filter({ hasText: 'Wij verbinden ouders.' }).waitFor();
      await checkA11y(researcher, 'pitch-researcher');

      // Presentation: Utrecht first, with its own countdown; the screen shows name, members by side and keywords.
      await facilitator.getByTestId('phase-present').click();
      // Screen readers on the phone and in the console hear the phase change.
      await expect.poll(() => amina.getByTestId('phone-announcer').textContent()).toBe('Nieuwe fase: Presenteren');
      await expect
        .poll(() => facilitator.getByTestId('console-announcer').textContent())
        .toBe('Nieuwe fase: Presenteren');
      const utrechtRow = facilitator.getByTestId('pitch-order').locator('li').filter({ hasText: 'Utrecht' });
      await utrechtRow.getByTestId('pitch-present').click();
      const current = screen.getByTestId('pitch-current');
      await current.filter({ hasText: 'Utrecht' }).waitFor();
      await current.getByText('vertrouwen').waitFor();
      await current.getByText('Amina').waitFor();
      await current.getByText('Bram').waitFor();
      await current.locator('[data-testid="timer"][data-running="true"]').waitFor();
      await expect.poll(() => current.locator('.timer__clock').textContent()).toMatch(/^[23]:\d\d$/);
      await checkA11y(screen, 'pitch-screen-present');

      // The audience reacts on the phone during the pitch.
      await bram.getByTestId('pitch-now').waitFor();
      await bram.getByTestId('reaction-struck').check();
      await bram.getByTestId('reaction-text').fill('Mooi hoe jullie taal als brug gebruiken');
      await bram.getByTestId('reaction-send').click();
      await bram.getByTestId('my-reactions').getByText('Mooi hoe jullie').waitFor();
      await checkA11y(bram, 'pitch-phone-present');

      // Time runs out (shortened through the real command): a calm end signal on the screen.
      const f = ioClient(room.server.url, w.tokens.facilitator);
      await f.connected();
      expect(
        await f.command({ type: 'exercise', sessionId: 'pitch', action: 'extend', payload: { seconds: -180 } }),
      ).toEqual({ ok: true });
      f.close();
      await screen.getByTestId('pitch-time-up').waitFor();
      await screenshot(screen, 'pitch-screen-time-up');

      // After the pitch: the reactions show; the facilitator spotlights one.
      await facilitator.getByTestId('pitch-finish').click();
      await screen.getByTestId('pitch-reaction').filter({ hasText: 'Mooi hoe jullie' }).waitFor();
      await screenshot(screen, 'pitch-screen-reactions');
      await facilitator.getByTestId('reaction-spotlight').click();
      await screen.getByTestId('spotlight').filter({ hasText: 'Mooi hoe jullie' }).waitFor();
      await checkA11y(facilitator, 'pitch-console');

      // Kader: the screen and the phones show the same slide; the facilitator moves on; a phone asks a question.
      await facilitator.getByTestId('session-next').click();
      await screen.getByTestId('slide').getByText('Kader: samenwerking formeel en informeel').waitFor();
      await amina.getByTestId('slide').getByText('Kader: samenwerking formeel en informeel').waitFor();
      await facilitator.getByTestId('slide-next').click();
      await screen.locator('[data-testid="slide-count"][data-slide="1"]').waitFor();
      await amina.locator('[data-testid="slide-count"][data-slide="1"]').waitFor();
      await screen.getByTestId('slide').getByText('Twee perspectieven op samenwerking').waitFor();
      await amina.getByTestId('question-input').fill('Hoe verhoudt dit zich tot de wijkteams?');
      await amina.getByTestId('question-send').click();
      await facilitator.getByTestId('console-questions').getByText('Hoe verhoudt dit zich').waitFor();
      // Private writing: a question stays on Amina's phone until the facilitator reveals it.
      await facilitator.getByTestId('toggle-private').click();
      await amina.getByTestId('private-notice').waitFor();
      await amina.getByTestId('question-input').fill('Een vraag die ik eerst voor mezelf houd');
      await amina.getByTestId('question-send').click();
      await amina.getByTestId('my-questions').getByText('eerst voor mezelf').waitFor();
      expect(await facilitator.getByTestId('console-questions').getByText('eerst voor mezelf').count()).toBe(0);
      await facilitator.getByTestId('reveal').click();
      await facilitator.getByTestId('console-questions').getByText('eerst voor mezelf').waitFor();
      await amina.getByTestId('private-notice').waitFor({ state: 'detached' });
      await expect.poll(() => amina.getByTestId('my-questions').getByText('eerst voor mezelf').count()).toBe(1);

      // Dot voting on the questions: Bram spends one of three dots; the console's tally follows.
      await facilitator.getByTestId('vote-open').click();
      const bramVote = bram.locator('[data-testid="dot-vote"]').filter({ has: bram.getByTestId('vote') });
      await bram.locator('[data-testid="vote-budget"][data-left="3"]').waitFor();
      await bramVote.first().getByTestId('vote').click();
      await bram.locator('[data-testid="vote-budget"][data-left="2"]').waitFor();
      await facilitator.locator('[data-testid="question-tally"][data-count="1"]').waitFor();
      await checkA11y(bram, 'kader-phone-vote');
      await checkA11y(screen, 'kader-screen');
      await checkA11y(amina, 'kader-phone');
      // Phone at 360 px: no horizontal scrolling.
      expect(await amina.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      expect(a11y).toEqual({
        'pitch-phone-prepare': [],
        'pitch-screen-prepare': [],
        'pitch-researcher': [],
        'pitch-screen-present': [],
        'pitch-phone-present': [],
        'pitch-console': [],
        'kader-phone-vote': [],
        'kader-screen': [],
        'kader-phone': [],
      });
    },
  );
});
