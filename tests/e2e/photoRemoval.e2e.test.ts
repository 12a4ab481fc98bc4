import { describe, expect, it } from 'vitest';
import { createWorkshop, ioClient, joinAs } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';
import { PNG } from '../helpers/uploads';

/** A phone removes the photo it uploaded (and can undo that); a teammate cannot; the facilitator can. */
describe('removing a wrong photo', () => {
  const room = e2eRoom();

  it(
    'vision and pitch photos: deleted by the uploader on the phone, or by the facilitator',
    { timeout: 150_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const control = ioClient(room.server.url, w.tokens.facilitator);
      await control.connected();
      const goto = async (sessionId: string) =>
        expect(await control.command({ type: 'session.goto', sessionId })).toEqual({ ok: true });
      await goto('visie');
      const phone = async (name: string, side: 'formal' | 'informal') => {
        const joined = await joinAs(room.server.url, w, name, 0, side);
        const p = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
        await p.goto(`${room.server.url}/p/${w.id}`);
        await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
        return p;
      };
      const amina = await phone('Amina', 'formal');
      const bram = await phone('Bram', 'informal');
      const facilitator = await openStaffPage(room, w.links.facilitator);

      // ---------- Vision: a photo item of its own ----------
      await amina
        .getByTestId('vision-photo-input')
        .setInputFiles({ name: 'tekening.png', mimeType: 'image/png', buffer: PNG });
      const aminaEntry = amina.getByTestId('vision-photo-entry');
      const bramEntry = bram.getByTestId('vision-photo-entry');
      await aminaEntry.getByTestId('vision-photo').waitFor();
      await bramEntry.getByTestId('vision-photo').waitFor();
      // Bram sees the photo but gets no delete for it.
      expect(await bramEntry.getByTestId('own-delete').count()).toBe(0);
      // Amina deletes it (asked first), brings it back with the undo, and deletes it for good.
      await aminaEntry.getByTestId('own-delete').click();
      await amina.getByTestId('own-delete-yes').click();
      await bramEntry.waitFor({ state: 'detached' });
      await amina.getByTestId('own-undo').click();
      await bramEntry.getByTestId('vision-photo').waitFor();
      await aminaEntry.getByTestId('own-delete').click();
      await amina.getByTestId('own-delete-yes').click();
      await bramEntry.waitFor({ state: 'detached' });
      await aminaEntry.waitFor({ state: 'detached' });

      // Bram uploads one; the facilitator removes it from the console.
      await bram
        .getByTestId('vision-photo-input')
        .setInputFiles({ name: 'schets.png', mimeType: 'image/png', buffer: PNG });
      await aminaEntry.getByTestId('vision-photo').waitFor();
      const consoleEntry = facilitator.getByTestId('vision-photo-entry');
      await consoleEntry.filter({ hasText: 'Bram' }).waitFor();
      await consoleEntry.getByTestId('own-delete').click();
      await facilitator.getByTestId('own-delete-yes').click();
      await aminaEntry.waitFor({ state: 'detached' });
      await bramEntry.waitFor({ state: 'detached' });

      // ---------- Pitch: the photo on the group's shared pitch stays its uploader's ----------
      await goto('pitch');
      await amina.getByTestId('pitch-editor').waitFor();
      await bram.getByTestId('pitch-editor').waitFor();
      await amina.getByTestId('pitch-photo').setInputFiles({ name: 'groep.png', mimeType: 'image/png', buffer: PNG });
      await bram.getByTestId('pitch-photo-img').waitFor();
      // Bram is told whose photo it is; he can neither remove nor replace it.
      expect(await bram.getByTestId('pitch-photo-owner').innerText()).toContain('Amina');
      expect(await bram.getByTestId('pitch-photo-remove').count()).toBe(0);
      expect(await bram.getByTestId('pitch-photo').isDisabled()).toBe(true);
      await amina.getByTestId('pitch-photo-remove').click();
      await bram.getByTestId('pitch-photo-img').waitFor({ state: 'detached' });
      await amina.getByTestId('pitch-photo-img').waitFor({ state: 'detached' });

      // Now Bram adds one, and the facilitator takes it off.
      await bram.getByTestId('pitch-photo').setInputFiles({ name: 'wij.png', mimeType: 'image/png', buffer: PNG });
      await amina.getByTestId('pitch-photo-img').waitFor();
      facilitator.once('dialog', (d) => void d.accept());
      await facilitator.getByTestId('pitch-console-photo-remove').click();
      await amina.getByTestId('pitch-photo-img').waitFor({ state: 'detached' });
      await bram.getByTestId('pitch-photo-img').waitFor({ state: 'detached' });
      // Nothing anyone did was refused by the server.
      for (const p of [amina, bram, facilitator]) expect(await p.getByTestId('connection-refused').count()).toBe(0);
      control.close();
    },
  );
});
