import { describe, expect, it } from 'vitest';
import { api, createWorkshop, joinAs, synced, yClient } from '../helpers/clients';
import {
  describeViolations,
  e2eRoom,
  joinedPhoneContext,
  screenshot,
  seriousA11yViolations,
  openStaffPage,
} from './browser';

describe('privacy from the console: revoke a lost phone, erase a participant on request', () => {
  const room = e2eRoom();

  it(
    'asks first, then revokes or erases; the erased person is gone from console, board and phone',
    { timeout: 90_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey);
      const amina = await joinAs(room.server.url, w, 'Amina');
      const bram = await joinAs(room.server.url, w, 'Bram');

      const phoneCtx = room.keep(await joinedPhoneContext(room.browser, w.id, amina));
      const phone = await phoneCtx.newPage();
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.getByTestId('note-input').fill('Wat ik liever niet bewaard zie');
      await phone.getByTestId('note-post').click();
      await phone.locator('[data-testid="note"]', { hasText: 'Wat ik liever niet bewaard zie' }).waitFor();

      const console = await openStaffPage(room, w.links.facilitator);
      await console.getByText('Wat ik liever niet bewaard zie').first().waitFor();
      const row = (id: string) => console.locator(`[data-testid="participant-row"][data-participant-id="${id}"]`);

      // Bram lost his phone: revoke, after a confirmation; his token stops working, his row stays.
      await row(bram.participantId).getByText('Toegang en gegevens van Bram').click();
      await row(bram.participantId).getByTestId('privacy-revoke').click();
      await row(bram.participantId).getByTestId('privacy-confirm-revoke').click();
      await row(bram.participantId).getByText('De toegang van Bram is ingetrokken.').waitFor();
      expect((await api(room.server.url, '/api/me', { token: bram.token })).status).toBe(401);

      // Amina asks to be erased: the console shows what it will do and waits for the second click.
      await row(amina.participantId).getByText('Toegang en gegevens van Amina').click();
      await row(amina.participantId).getByTestId('privacy-erase').click();
      await row(amina.participantId).getByText('Dit kan niet ongedaan worden gemaakt.', { exact: false }).waitFor();
      const violations = await seriousA11yViolations(console);
      expect(describeViolations(violations)).toEqual([]);
      await screenshot(console, 'console-privacy-confirm');
      expect(await console.getByText('Wat ik liever niet bewaard zie').count()).toBeGreaterThan(0);
      await row(amina.participantId).getByTestId('privacy-confirm-erase').click();

      await expect.poll(() => row(amina.participantId).count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => console.getByText('Wat ik liever niet bewaard zie').count(), { timeout: 15_000 }).toBe(0);
      expect(await row(bram.participantId).count()).toBe(1);
      // Her phone loses access and says so.
      await phone
        .locator('[data-testid="connection-refused"], [data-testid="server-notice"][data-code="revoked"]')
        .first()
        .waitFor({ timeout: 15_000 });
      const check = yClient(room.server.url, w.id, 'board', w.tokens.researcher);
      await synced(check);
      const texts = [...check.doc.getMap<{ get(k: string): unknown }>('items').values()].map((m) => m.get('text'));
      check.destroy();
      expect(texts).not.toContain('Wat ik liever niet bewaard zie');
    },
  );
});
