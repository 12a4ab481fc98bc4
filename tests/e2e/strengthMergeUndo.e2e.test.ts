import { describe, expect, it } from 'vitest';
import { addItem, itemsMap, readItem } from '../../shared/boardDoc';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { e2eRoom, openStaffPage } from './browser';

/**
 * A mistaken merge in Krachten is undone from the console: "Samengevoegd — Ongedaan maken" restores both strengths
 * with their own +1s, and a merged strength can also be split off later.
 */
describe('the facilitator undoes a strength merge', () => {
  const room = e2eRoom();

  it(
    'restores both strengths with all their +1s, through the toast and through "Losmaken"',
    { timeout: 120_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      const control = ioClient(room.server.url, w.tokens.facilitator);
      await control.connected();
      expect(await control.command({ type: 'session.goto', sessionId: 'krachten-rollen' })).toEqual({ ok: true });
      control.close();

      const groupOf = [0, 1, 1];
      const people = [
        await joinAs(room.server.url, w, 'Amina', 0, 'formal'),
        await joinAs(room.server.url, w, 'Bram', 1, 'formal'),
        await joinAs(room.server.url, w, 'Chris', 1, 'informal'),
      ];
      const clients = await Promise.all(
        people.map(async (p) => {
          const c = yClient(room.server.url, w.id, 'board', p.token);
          await synced(c);
          return c;
        }),
      );
      const reader = yClient(room.server.url, w.id, 'board', w.tokens.researcher);
      await synced(reader);
      const at = Date.now() - 60_000;
      const write = (i: number, id: string, kind: string, fields: Record<string, unknown>) => {
        const p = people[i]!;
        const c = clients[i]!;
        c.doc.transact(() =>
          addItem(c.doc, {
            id,
            kind,
            sessionId: 'krachten-rollen',
            groupId: w.groups[groupOf[i]!]!.id,
            authorId: p.participantId,
            createdAt: at + i,
            updatedAt: at + i,
            ...fields,
          }),
        );
      };
      const strength = { dimension: 'knowledge', aboutSide: 'informal' };
      write(0, 'sKeep', 'strength', { ...strength, text: 'Kennen twee culturen' });
      write(1, 'sDup', 'strength', { ...strength, text: 'Kennen de wijk goed' });
      // Two +1s on the first, one on the second.
      write(1, 'v1', 'plusOne', { targetId: 'sKeep' });
      write(2, 'v2', 'plusOne', { targetId: 'sKeep' });
      write(0, 'v3', 'plusOne', { targetId: 'sDup' });
      await waitFor(() => ['sKeep', 'sDup', 'v1', 'v2', 'v3'].every((id) => itemsMap(reader.doc).has(id)));

      const facilitator = await openStaffPage(room, w.links.facilitator);
      const card = (id: string) => facilitator.locator(`[data-testid="console-strength"][data-item-id="${id}"]`);
      await card('sKeep').filter({ hasText: '2 × +1' }).waitFor();
      await card('sDup').filter({ hasText: '1 × +1' }).waitFor();
      const state = (id: string) => {
        const m = itemsMap(reader.doc).get(id);
        const i = m ? readItem(m) : null;
        return { mergedInto: i?.mergedInto ?? null, mergedFrom: (i?.mergedFrom as string[] | undefined) ?? [] };
      };

      // The mistaken merge: one strength with all three +1s.
      await facilitator
        .getByLabel('"Kennen de wijk goed" samenvoegen met')
        .selectOption({ label: 'Kennen twee culturen' });
      await card('sDup').waitFor({ state: 'detached' });
      await card('sKeep').filter({ hasText: '3 × +1' }).waitFor();
      await waitFor(() => state('sDup').mergedInto === 'sKeep');
      const bar = facilitator.getByTestId('merge-undo-bar');
      expect(await bar.innerText()).toContain('Samengevoegd');

      // Undo: both back, each with its own +1s, on the console and in the shared document.
      await facilitator.getByTestId('merge-undo').click();
      await bar.waitFor({ state: 'detached' });
      await card('sDup').filter({ hasText: '1 × +1' }).waitFor();
      await card('sKeep').filter({ hasText: '2 × +1' }).waitFor();
      await waitFor(() => state('sDup').mergedInto === null && state('sKeep').mergedFrom.length === 0);
      for (const v of ['v1', 'v2', 'v3']) expect(itemsMap(reader.doc).has(v)).toBe(true);

      // Merged again, then split off later through the strength's own button.
      await facilitator
        .getByLabel('"Kennen de wijk goed" samenvoegen met')
        .selectOption({ label: 'Kennen twee culturen' });
      await card('sDup').waitFor({ state: 'detached' });
      await card('sKeep').getByTestId('strength-split').click();
      await card('sDup').filter({ hasText: '1 × +1' }).waitFor();
      await card('sKeep').filter({ hasText: '2 × +1' }).waitFor();
      await waitFor(() => state('sDup').mergedInto === null && state('sKeep').mergedFrom.length === 0);
      // Nothing the participants wrote was refused along the way.
      for (const c of clients) expect(c.closes).toEqual([]);
      for (const c of [...clients, reader]) c.destroy();
    },
  );
});
