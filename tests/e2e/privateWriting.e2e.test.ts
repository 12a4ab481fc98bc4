import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, openStaffPage } from './browser';

/**
 * Private writing in the browser, with the projector: a strength written while private writing is on shows on its
 * writer's phone only — not on another phone, the screen or the researcher's laptop — until the reveal shows it on
 * all of them. (Strengths went straight to the board before the one write path.)
 */
describe('private writing with the projector', () => {
  const room = e2eRoom();
  let w: CreateWorkshopResponse;
  const clients: YClient[] = [];
  afterAll(() => clients.forEach((c) => c.destroy()));

  beforeAll(async () => {
    w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
  }, 60_000);

  it(
    'keeps a strength off the screen, the researcher and other phones until the reveal',
    { timeout: 120_000 },
    async () => {
      const facilitator = await openStaffPage(room, w.links.facilitator);
      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      await screen.goto(w.links.screen);
      const researcher = await room.page({ viewport: { width: 1280, height: 800 } });
      await researcher.goto(w.links.researcher);
      const [hanneke, fatima] = await Promise.all(
        [
          ['Hanneke', 'formal'],
          ['Fatima', 'informal'],
        ].map(([n, side]) => joinAs(room.server.url, w, n!, 0, side as 'formal' | 'informal')),
      );
      const phone = async (j: typeof hanneke) => {
        const p = await room.keep(await joinedPhoneContext(room.browser, w.id, j!)).newPage();
        await p.goto(`${room.server.url}/p/${w.id}`);
        await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
        return p;
      };
      const [h, f] = [await phone(hanneke), await phone(fatima)] as [Page, Page];

      await facilitator.locator('[data-testid="programme-item"][data-session-id="krachten-rollen"]').click();
      for (const p of [h, f, screen, researcher])
        await p.locator('[data-testid="session-header"][data-session-id="krachten-rollen"]').first().waitFor();
      await facilitator.getByTestId('grouping-bySide').click();
      await h.getByTestId('strength-form').waitFor();

      await facilitator.getByTestId('toggle-private').click();
      await h.getByTestId('private-notice').waitFor();
      const secret = 'Kennen twee culturen, nog geheim';
      await h.getByTestId('dimension-knowledge').click();
      await h.getByTestId('strength-input').fill(secret);
      await h.getByTestId('strength-post').click();
      await h.getByTestId('my-strengths').getByText(secret).waitFor();

      // The draft is on the server, in Hanneke's own document (staff may read it there)...
      const own = yClient(room.server.url, w.id, `own/${hanneke!.participantId}`, w.tokens.facilitator);
      clients.push(own);
      await synced(own);
      await waitFor(() => [...itemsMap(own.doc).values()].some((m) => m.get('text') === secret));
      // ...and a strength written after it reaches the screen, the researcher and the other phone, so they are caught up.
      const staff = yClient(room.server.url, w.id, 'board', w.tokens.facilitator);
      clients.push(staff);
      await synced(staff);
      staff.doc.transact(() =>
        addItem(staff.doc, {
          id: 'markerStrength',
          kind: 'strength',
          sessionId: 'krachten-rollen',
          groupId: null,
          authorId: 'facilitator',
          createdAt: Date.now(),
          updatedAt: Date.now(),
          text: 'Zichtbare kracht',
          dimension: 'knowledge',
          aboutSide: 'informal',
        }),
      );
      await screen.getByTestId('strength-card').filter({ hasText: 'Zichtbare kracht' }).waitFor();
      await researcher.getByTestId('researcher-strength').filter({ hasText: 'Zichtbare kracht' }).waitFor();
      for (const [name, p] of [
        ['screen', screen],
        ['researcher', researcher],
        ['facilitator', facilitator],
        ['other phone', f],
      ] as const) {
        expect(await p.content(), name).not.toContain(secret);
      }

      await facilitator.getByTestId('reveal').click();
      await screen.getByTestId('strength-card').filter({ hasText: secret }).waitFor();
      await researcher.getByTestId('researcher-strength').filter({ hasText: secret }).waitFor();
      await h.getByTestId('private-notice').waitFor({ state: 'detached' });
      // Once revealed it is one strength, not a draft and a board item side by side.
      await expect.poll(() => h.getByTestId('my-strengths').getByText(secret).count()).toBe(1);
    },
  );
});
