import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient, joinAs } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';

/**
 * Dot voting beyond the kader: where the console offers a vote, the phones get working dots and the console and the
 * screen show the standing, most dots first; where there is nothing to vote on, the console does not offer it.
 */
describe('dot voting in every exercise that shows it', () => {
  const room = e2eRoom();

  it(
    'works on the opening wall and the strengths, sorted on console and screen; absent where it makes no sense',
    { timeout: 150_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const control = ioClient(room.server.url, w.tokens.facilitator);
      await control.connected();
      const facilitator = await openStaffPage(room, w.links.facilitator);
      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      await screen.goto(w.links.screen);
      const phone = async (name: string, group: number, side: 'formal' | 'informal') => {
        const joined = await joinAs(room.server.url, w, name, group, side);
        const p = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
        await p.goto(`${room.server.url}/p/${w.id}`);
        await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
        return p;
      };
      const amina = await phone('Amina', 0, 'formal');
      const bram = await phone('Bram', 1, 'informal');
      const item = (p: Page, text: string) => p.getByTestId('vote-item').filter({ hasText: text });
      const dot = async (p: Page, text: string, left: number) => {
        await item(p, text).getByTestId('vote').click();
        await p.locator(`[data-testid="vote-budget"][data-left="${left}"]`).waitFor();
      };
      const standing = () =>
        facilitator
          .getByTestId('vote-standing-row')
          .evaluateAll((els) => els.map((e) => [e.textContent?.split(' — ')[0], (e as HTMLElement).dataset.count]));

      // ---------- Opening: a note wall ----------
      for (const [p, text] of [
        [amina, 'Koffie'],
        [bram, 'Thee'],
        [bram, 'Water'],
      ] as const) {
        await p.getByTestId('note-input').fill(text);
        await p.getByTestId('note-post').click();
        await p.getByTestId('my-notes').getByText(text).waitFor();
      }
      await facilitator.getByTestId('vote-open').click();
      await amina.locator('[data-testid="vote-budget"][data-left="3"]').waitFor();
      // Amina: two dots on "Thee", one on "Water"; Bram: one on "Thee" and one on "Koffie".
      await dot(amina, 'Thee', 2);
      await dot(amina, 'Thee', 1);
      // At most two per item: the button says so.
      expect(await item(amina, 'Thee').getByTestId('vote').isDisabled()).toBe(true);
      await dot(amina, 'Water', 0);
      await dot(bram, 'Thee', 2);
      await dot(bram, 'Koffie', 1);
      await expect.poll(standing).toEqual([
        ['Thee', '3'],
        ['Koffie', '1'],
        ['Water', '1'],
      ]);
      // The screen's chart: the same order.
      await expect
        .poll(() =>
          screen.getByTestId('screen-vote-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.count)),
        )
        .toEqual(['3', '1', '1']);
      // A dot taken back counts no more.
      await item(bram, 'Koffie').getByTestId('unvote').click();
      await expect.poll(standing).toEqual([
        ['Thee', '3'],
        ['Water', '1'],
      ]);
      await facilitator.getByTestId('vote-close').click();
      await amina.getByTestId('session-vote').waitFor({ state: 'detached' });

      // ---------- Krachten: dots on the strengths ----------
      expect(await control.command({ type: 'session.goto', sessionId: 'krachten-rollen' })).toEqual({ ok: true });
      for (const [p, text] of [
        [amina, 'Kennen twee culturen'],
        [bram, 'Hebben toegang tot geld'],
      ] as const) {
        await p.getByTestId('dimension-knowledge').click();
        await p.getByTestId('strength-input').fill(text);
        await p.getByTestId('strength-post').click();
        await p.getByTestId('my-strengths').getByText(text).waitFor();
      }
      await facilitator.getByTestId('vote-open').click();
      await dot(amina, 'Hebben toegang tot geld', 2);
      await dot(bram, 'Hebben toegang tot geld', 2);
      await dot(bram, 'Kennen twee culturen', 1);
      await expect.poll(standing).toEqual([
        ['Hebben toegang tot geld', '2'],
        ['Kennen twee culturen', '1'],
      ]);
      await facilitator.getByTestId('vote-close').click();

      // ---------- Vooroordelenspel: nothing to vote on, so no vote is offered ----------
      expect(await control.command({ type: 'session.goto', sessionId: 'vooroordelen' })).toEqual({ ok: true });
      await facilitator.getByTestId('vote-not-here').waitFor();
      expect(await facilitator.getByTestId('vote-open').count()).toBe(0);
      for (const p of [amina, bram]) expect(await p.getByTestId('connection-refused').count()).toBe(0);
      control.close();
    },
  );
});
