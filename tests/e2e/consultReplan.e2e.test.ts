import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient, joinAs } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';

/**
 * Re-planning the consults while they run (adding rounds, switching to the free sign-up round) keeps every question,
 * advice and takeaway with the round and pair it was written in: nothing of round 1 shows up in a later round, and a
 * takeaway keeps its source.
 */
describe('consult re-planning keeps what was written with its round and pair', () => {
  const room = e2eRoom();

  it(
    're-plans during round 1 and after the end; questions, advice and takeaways stay put',
    { timeout: 180_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const control = ioClient(room.server.url, w.tokens.facilitator);
      await control.connected();
      expect(await control.command({ type: 'session.goto', sessionId: 'consult' })).toEqual({ ok: true });
      const phone = async (name: string, group: number) => {
        const joined = await joinAs(room.server.url, w, name, group, group === 0 ? 'formal' : 'informal');
        const p = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
        await p.goto(`${room.server.url}/p/${w.id}`);
        await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
        return p;
      };
      const utrecht = await phone('Amina', 0);
      const zaandam = await phone('Bram', 1);
      const facilitator = await openStaffPage(room, w.links.facilitator);
      const researcher = await openStaffPage(room, w.links.researcher);

      const role = (p: Page) => p.getByTestId('consult-where').getAttribute('data-role');
      const startRound = async (n: number) => {
        await facilitator
          .getByTestId('consult-start-round')
          .nth(n - 1)
          .click();
        for (const p of [utrecht, zaandam])
          await p.locator(`[data-testid="consult-thread"][data-round="${n}"]`).waitFor();
      };
      const write = async (n: number, tag: string) => {
        const host = (await role(utrecht)) === 'host' ? utrecht : zaandam;
        const visitor = host === utrecht ? zaandam : utrecht;
        expect(await role(visitor)).toBe('visit');
        await host.getByTestId('consult-question-input').fill(`${tag} vraag`);
        await host.getByTestId('consult-submit').click();
        await host
          .getByTestId('consult-question')
          .filter({ hasText: `${tag} vraag` })
          .waitFor();
        await visitor
          .getByTestId('consult-question')
          .filter({ hasText: `${tag} vraag` })
          .waitFor();
        await visitor.getByTestId('consult-advice-input').fill(`${tag} advies`);
        await visitor.getByTestId('consult-submit').click();
        await host
          .getByTestId('consult-advice')
          .filter({ hasText: `${tag} advies` })
          .waitFor();
        return { host: host === utrecht ? 'Utrecht' : 'Zaandam' };
      };
      /** The researcher's threads: round, host and the texts in each. */
      const threads = () =>
        researcher
          .locator('[data-testid="researcher-group-section"][data-group-name="Utrecht"] [data-testid="consult-thread"]')
          .evaluateAll((els) =>
            els.map((e) => ({
              round: (e as HTMLElement).dataset.round,
              host: (e as HTMLElement).dataset.hostName,
              texts: [...e.querySelectorAll('[data-testid="consult-question"] p, [data-testid="consult-advice"]')].map(
                (x) => x.textContent?.replace(/\s+/g, ' ').trim().split(' — ')[0] ?? '',
              ),
            })),
          );

      // The default plan, round 1: a question and advice.
      await facilitator.getByTestId('consult-plan').click();
      await facilitator.getByTestId('consult-start-round').first().waitFor();
      await startRound(1);
      const r1 = await write(1, 'R1');

      // Re-planned during round 1 (two more rounds): round 1 stays round 1, the new rounds follow it.
      await facilitator.getByTestId('consult-rounds-input').fill('2');
      await facilitator.getByTestId('consult-plan').click();
      await expect.poll(() => facilitator.getByTestId('consult-start-round').count()).toBe(3);
      await startRound(2);
      // Whoever hosts now, round 1's question and advice are not in round 2.
      for (const p of [utrecht, zaandam]) {
        const thread = p.locator('[data-testid="consult-thread"][data-round="2"]');
        expect(await thread.getByTestId('consult-question').count()).toBe(0);
        expect(await thread.getByTestId('consult-advice').count()).toBe(0);
      }
      await write(2, 'R2');

      // Back home: a takeaway linked to round 1's consult.
      await facilitator.getByTestId('consult-finish').click();
      await utrecht.getByTestId('takeaway-input').fill('Vaker bij elkaar langs');
      await utrecht.getByTestId('takeaway-link').first().check();
      await utrecht.getByTestId('takeaway-add').click();
      const source = `Ronde 1: ${r1.host} ontving ${r1.host === 'Utrecht' ? 'Zaandam' : 'Utrecht'}`;
      await utrecht
        .getByTestId('takeaway')
        .filter({ hasText: 'Vaker bij elkaar langs' })
        .filter({ hasText: source })
        .waitFor();

      // Re-planned once more after the end: the seed's free sign-up round is added.
      await facilitator.getByTestId('consult-mode').selectOption('free');
      await facilitator.getByTestId('consult-rounds-input').fill('1');
      await facilitator.getByTestId('consult-plan').click();
      await expect.poll(() => facilitator.getByTestId('consult-start-round').count()).toBe(4);

      // Every text is still in its own round, with its own pair; the takeaway keeps its source.
      await expect
        .poll(async () => (await threads()).filter((t) => t.texts.length > 0))
        .toEqual([
          { round: '1', host: r1.host, texts: ['R1 vraag', 'R1 advies'] },
          expect.objectContaining({ round: '2', texts: ['R2 vraag', 'R2 advies'] }),
        ]);
      expect((await threads()).filter((t) => Number(t.round) > 2 && t.texts.length > 0)).toEqual([]);
      await researcher
        .locator('[data-testid="researcher-group-section"][data-group-name="Utrecht"] [data-testid="takeaway"]')
        .filter({ hasText: 'Vaker bij elkaar langs' })
        .filter({ hasText: source })
        .waitFor();
      control.close();
    },
  );
});
