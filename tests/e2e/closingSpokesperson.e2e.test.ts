import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient, joinAs } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';

/** The group decides who speaks for it at the closing, not whoever saved first; the facilitator can choose too. */
describe('closing: the spokesperson can be taken over and chosen', () => {
  const room = e2eRoom();

  it('a member takes over from whoever saved first; the facilitator hands it back', { timeout: 120_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const control = ioClient(room.server.url, w.tokens.facilitator);
    await control.connected();
    expect(await control.command({ type: 'session.goto', sessionId: 'afsluiting' })).toEqual({ ok: true });
    control.close();
    const phone = async (name: string) => {
      const joined = await joinAs(room.server.url, w, name, 0, 'formal');
      const p = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
      await p.goto(`${room.server.url}/p/${w.id}`);
      await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
      return p;
    };
    const amina = await phone('Amina');
    const bram = await phone('Bram');
    const facilitator = await openStaffPage(room, w.links.facilitator);

    // Amina saves first: she is the spokesperson, Bram sees her text.
    await amina.getByTestId('closing-text').fill('Wij gaan elke maand samen overleggen.');
    await amina.getByTestId('closing-save').click();
    await bram.getByTestId('closing-spokesperson').filter({ hasText: 'Amina is woordvoerder' }).waitFor();
    await bram.getByTestId('closing-summary').filter({ hasText: 'elke maand' }).waitFor();

    // The group wants Bram to speak: he takes over and starts from the text so far.
    await bram.getByTestId('closing-take-over').click();
    await bram.getByTestId('closing-spokesperson').filter({ hasText: 'Jij bent woordvoerder' }).waitFor();
    await expect.poll(() => bram.getByTestId('closing-text').inputValue()).toContain('elke maand');
    await bram.getByTestId('closing-text').fill('Wij gaan elke maand samen overleggen, met de gemeente erbij.');
    await bram.getByTestId('closing-save').click();
    await amina.getByTestId('closing-spokesperson').filter({ hasText: 'Bram is woordvoerder' }).waitFor();
    await amina.getByTestId('closing-summary').filter({ hasText: 'met de gemeente erbij' }).waitFor();
    // The console presents one summary per cooperation: Bram's.
    await facilitator.getByTestId('closing-summary').filter({ hasText: 'met de gemeente erbij' }).waitFor();
    expect(await facilitator.getByTestId('closing-summary').count()).toBe(1);

    // The facilitator chooses Amina again: her own text is the group's summary once more.
    const select = facilitator.locator(`[data-testid="closing-speaker-select"][data-group-id="${w.groups[0]!.id}"]`);
    await select.selectOption({ label: 'Amina' });
    await amina.getByTestId('closing-spokesperson').filter({ hasText: 'Jij bent woordvoerder' }).waitFor();
    await bram.getByTestId('closing-summary').filter({ hasText: 'Wij gaan elke maand samen overleggen.' }).waitFor();
    await facilitator
      .getByTestId('closing-summary')
      .filter({ hasText: 'Wij gaan elke maand samen overleggen.' })
      .waitFor();
    for (const p of [amina, bram, facilitator]) expect(await p.getByTestId('connection-refused').count()).toBe(0);
  });
});
