import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, type Item } from '../../shared/boardDoc';
import { putObservation, RESEARCH, type Observation } from '../../shared/research/researchDoc';
import { createWorkshop, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { writeAsServer } from '../helpers/startServer';
import { e2eRoom } from './browser';

/**
 * Issue 13 point 4 in the browser: damaged entries on the board and in the research document never blank the
 * researcher console, the facilitator console or the screen. The guard refuses such items today, so the server writes
 * them straight into the board (as an older server could have left them) and a researcher into the research document.
 */
describe('the record is total: consoles and screen render beside damaged entries', () => {
  const room = e2eRoom();

  /** Uncaught errors of a page (an error boundary's catch is not one). */
  const watch = (page: Page): string[] => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return errors;
  };

  it('researcher console, facilitator console and screen stay usable', { timeout: 120_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const a = await joinAs(room.server.url, w, 'Yasmina Bakkali', 0, 'informal');
    const phone = yClient(room.server.url, w.id, 'board', a.token);
    const staff = yClient(room.server.url, w.id, 'board', w.tokens.facilitator);
    const research = yClient(room.server.url, w.id, 'research', w.tokens.researcher);
    try {
      await Promise.all([synced(phone), synced(staff), synced(research)]);
      const t0 = Date.now();
      const base = { kind: 'note', sessionId: 'opening', groupId: w.groups[0]!.id, authorId: null };
      phone.doc.transact(() =>
        addItem(phone.doc, {
          ...base,
          id: 'good',
          authorId: a.participantId,
          createdAt: t0,
          updatedAt: t0,
          text: 'Wij kennen de families',
        }),
      );
      await writeAsServer(room.server, `${w.id}/board`, (doc) => {
        addItem(doc, { ...base, id: 'future', createdAt: 1e20, updatedAt: t0, text: 'uit de toekomst' });
        addItem(doc, { ...base, id: 'noupdated', createdAt: t0, text: 'zonder updatedAt' } as unknown as Item);
        const noId = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ ...base, createdAt: t0, updatedAt: t0, text: 'zonder id' }))
          noId.set(k, v);
        itemsMap(doc).set('noid', noId);
        const odd = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ ...base, id: 'maptext', createdAt: t0, updatedAt: t0 })) odd.set(k, v);
        odd.set('text', new Y.Map<unknown>());
        itemsMap(doc).set('maptext', odd);
      });
      const obs: Observation = {
        id: 'o-good',
        researcherName: 'Els',
        time: t0,
        sessionId: 'opening',
        groupId: base.groupId,
        speakers: [],
        codes: [],
        quote: false,
        text: 'Een goede notitie',
        links: [],
        createdAt: t0,
        updatedAt: t0,
      };
      research.doc.transact(() => {
        putObservation(research.doc, obs);
        putObservation(research.doc, { ...obs, id: 'o-future', time: 1e20, text: 'te laat' });
        research.doc.getMap(RESEARCH.observations).set('o-broken', { id: 'o-broken', text: 'half' });
      });
      // Every write reached the server before the pages open.
      await waitFor(
        async () => {
          const res = await fetch(`${room.server.url}/api/workshops/${w.id}/export?format=json`, {
            headers: { authorization: `Bearer ${w.tokens.facilitator}` },
          });
          const body = (await res.json()) as { damaged?: unknown[] };
          return res.status === 200 && body.damaged?.length === 6;
        },
        { timeout: 10_000 },
      );

      // The researcher console renders the whole entries and names the damaged ones.
      const r = await room.page({ viewport: { width: 1366, height: 900 } });
      const rErrors = watch(r);
      await r.goto(w.links.researcher);
      await r.getByTestId('feed-item').filter({ hasText: 'Wij kennen de families' }).waitFor();
      await r.getByTestId('observation').filter({ hasText: 'Een goede notitie' }).waitFor();
      const notice = r.getByTestId('damaged-notice');
      await notice.waitFor();
      await expect.poll(() => notice.textContent()).toContain('4 bijdragen zijn beschadigd');
      await expect.poll(() => notice.textContent()).toContain('2 observaties zijn beschadigd');
      for (const id of ['future', 'noupdated', 'noid', 'maptext', 'o-future', 'o-broken']) {
        expect(await notice.textContent()).toContain(id);
      }
      await r.getByTestId('session-summary').waitFor();
      // The note wall's own researcher view prints each note's time, which a damaged time cannot give: the view's
      // boundary shows a notice in its place, and the console around it stays.
      await expect
        .poll(() => r.getByTestId('part-failed').first().textContent())
        .toContain('Dit onderdeel kan nu niet worden getoond');
      await r.getByTestId('export-json').waitFor();
      expect(rErrors).toEqual([]);

      // The facilitator console and the screen keep their page; at worst the exercise's view shows a notice.
      for (const link of [w.links.facilitator, w.links.screen]) {
        const p = await room.page({ viewport: { width: 1366, height: 900 } });
        const errors = watch(p);
        await p.goto(link);
        await p.locator('[data-testid="session-header"][data-session-id="opening"]').waitFor();
        await expect
          .poll(
            async () =>
              (await p.locator('body').innerText()).includes('Wij kennen de families') ||
              (await p.getByTestId('part-failed').count()) > 0,
          )
          .toBe(true);
        expect(await p.locator('body').innerText()).not.toBe('');
        expect(errors).toEqual([]);
      }
    } finally {
      phone.destroy();
      staff.destroy();
      research.destroy();
    }
  });
});
