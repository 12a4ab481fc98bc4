import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext, joinThroughForm, phoneContext, openStaffPage } from './browser';

/**
 * Records every websocket close code of a tab in sessionStorage, so it survives the tab's reloads: a phone must
 * never see a 44xx close (a refusal that locks it out) while doing what every workshop does.
 */
async function recordCloses(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const Native = window.WebSocket;
    class Recorded extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('close', (e) => {
          const seen = JSON.parse(sessionStorage.getItem('__closes') ?? '[]') as number[];
          sessionStorage.setItem('__closes', JSON.stringify([...seen, e.code]));
        });
      }
    }
    window.WebSocket = Recorded;
  });
}
const refusals = async (page: Page): Promise<number[]> =>
  ((await page.evaluate(() => JSON.parse(sessionStorage.getItem('__closes') ?? '[]'))) as number[]).filter(
    (c) => c >= 4400 && c < 4500,
  );

const online = (page: Page) => page.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
const sessionShown = (page: Page, id: string) =>
  page.locator(`[data-testid="session-header"][data-session-id="${id}"]`).waitFor();

async function post(page: Page, text: string): Promise<void> {
  await page.getByTestId('note-input').fill(text);
  await page.getByTestId('note-post').click();
  await page.getByTestId('my-notes').getByText(text).waitFor();
}

describe('a phone is never locked out and never loses work (issue 12)', () => {
  const room = e2eRoom();

  it(
    'reloads three times and goes offline: same participant, follows every "Volgende", every note arrives, no 44xx',
    { timeout: 120_000 },
    async () => {
      const { url } = room.server;
      const w = await createWorkshop(url, room.server.organiserKey);
      const facilitator = ioClient(url, w.tokens.facilitator);
      await facilitator.connected();
      const screenBoard = yClient(url, w.id, 'board', w.tokens.screen);
      const screenControl = yClient(url, w.id, 'control', w.tokens.screen);
      try {
        await Promise.all([synced(screenBoard), synced(screenControl)]);
        const ctx = room.keep(await phoneContext(room.browser));
        await recordCloses(ctx);
        const phone = await ctx.newPage();
        await phone.goto(`${url}/j/${w.joinCode}`);
        await joinThroughForm(phone, { name: 'Amina', group: 'Utrecht', side: 'formal' });
        const me = await phone.evaluate((id) => localStorage.getItem(`werkplaats:participant:${id}`), w.id);
        await post(phone, 'Voor het herladen');
        await waitFor(() => readItems(screenBoard.doc).some((i) => i.text === 'Voor het herladen'));

        for (let round = 1; round <= 3; round++) {
          await phone.reload();
          await phone.getByTestId('participant-identity').filter({ hasText: 'Amina' }).waitFor();
          await online(phone);
          const before = readControl(screenControl.doc).state?.currentSessionId;
          expect((await facilitator.command({ type: 'session.next' })).ok).toBe(true);
          const next = await waitFor(() => {
            const now = readControl(screenControl.doc).state?.currentSessionId;
            return now !== before ? now : null;
          });
          await sessionShown(phone, next);
          // Still online afterwards: a refusal would show up here after a few seconds, as it did on main.
          await online(phone);
          expect(await refusals(phone), `round ${round}`).toEqual([]);
        }
        expect(await phone.evaluate((id) => localStorage.getItem(`werkplaats:participant:${id}`), w.id)).toBe(me);
        expect(readControl(screenControl.doc).participants).toHaveLength(1);

        // Back to the note wall; post after the reloads.
        expect((await facilitator.command({ type: 'session.goto', sessionId: 'opening' })).ok).toBe(true);
        await sessionShown(phone, 'opening');
        await post(phone, 'Na drie keer herladen');
        await waitFor(() => readItems(screenBoard.doc).some((i) => i.text === 'Na drie keer herladen'));

        // Offline while typing, reload while offline, back online: the note arrives (the offline reload itself is
        // asserted in phoneEveryExercise.e2e.test.ts).
        await ctx.setOffline(true);
        await post(phone, 'Geschreven zonder netwerk');
        await phone.reload().catch(() => undefined);
        await ctx.setOffline(false);
        await phone.goto(`${url}/p/${w.id}`);
        await online(phone);
        await waitFor(() => readItems(screenBoard.doc).some((i) => i.text === 'Geschreven zonder netwerk'), {
          timeout: 15_000,
        });
        expect((await facilitator.command({ type: 'session.next' })).ok).toBe(true);
        await sessionShown(phone, 'pitch');
        await online(phone);
        expect(await refusals(phone)).toEqual([]);
        expect(
          readItems(screenBoard.doc)
            .filter((i) => i.kind === 'note')
            .map((i) => i.text)
            .sort(),
        ).toEqual(['Geschreven zonder netwerk', 'Na drie keer herladen', 'Voor het herladen']);
        expect(readControl(screenControl.doc).participants).toHaveLength(1);

        // The personal link brings the same person back on another phone.
        const link = await phone.getByTestId('reentry-link').inputValue();
        expect(link).toContain(`/p/${w.id}#`);
        const other = await room.keep(await phoneContext(room.browser)).newPage();
        await other.goto(link);
        await other.getByTestId('participant-identity').filter({ hasText: 'Amina' }).waitFor();
        await online(other);
        expect(await other.evaluate((id) => localStorage.getItem(`werkplaats:participant:${id}`), w.id)).toBe(me);
        expect(new URL(other.url()).hash).toBe('');
      } finally {
        facilitator.close();
        screenBoard.destroy();
        screenControl.destroy();
      }
    },
  );

  it(
    'a refused write keeps the unsaved text in a panel, across a reload, and "Opnieuw proberen" posts it',
    { timeout: 90_000 },
    async () => {
      const { url } = room.server;
      const w = await createWorkshop(url, room.server.organiserKey);
      const a = await joinAs(url, w, 'Aïcha', 0);
      // A note of Aïcha's own, but in a cooperation she is not in (as when the facilitator moved her while her
      // phone was offline): the server refuses it.
      const local = new Y.Doc();
      local.transact(() =>
        addItem(local, {
          id: 'elsewhere',
          kind: 'note',
          sessionId: 'opening',
          groupId: w.groups[1]!.id,
          authorId: a.participantId,
          createdAt: Date.now(),
          updatedAt: Date.now(),
          text: 'Wat ik offline schreef',
        }),
      );
      const update = Array.from(Y.encodeStateAsUpdate(local));
      const ctx = room.keep(await joinedPhoneContext(room.browser, w.id, a));
      const phone = await ctx.newPage();
      await phone.goto(`${url}/j`);
      await phone.evaluate(
        ([name, bytes]) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open(name);
            req.onupgradeneeded = () => {
              req.result.createObjectStore('updates', { autoIncrement: true });
              req.result.createObjectStore('custom');
            };
            req.onsuccess = () => {
              const tx = req.result.transaction('updates', 'readwrite');
              tx.objectStore('updates').add(new Uint8Array(bytes));
              tx.oncomplete = () => {
                req.result.close();
                resolve();
              };
              tx.onerror = () => reject(new Error('idb write failed'));
            };
            req.onerror = () => reject(new Error('idb open failed'));
          }),
        [`werkplaats:${w.id}:board`, update] as const,
      );
      await phone.goto(`${url}/p/${w.id}`);
      const panel = phone.getByTestId('unsaved-panel');
      await panel.getByText('Wat ik offline schreef').waitFor();
      await expect.poll(() => panel.getByRole('heading').textContent()).toBe('Niet bewaard');

      await phone.reload();
      await panel.getByText('Wat ik offline schreef').waitFor();
      await online(phone);
      await phone.getByTestId('unsaved-retry').click();
      await panel.waitFor({ state: 'detached' });
      const check = yClient(url, w.id, 'board', w.tokens.researcher);
      try {
        await waitFor(() =>
          readItems(check.doc).some(
            (i) =>
              i.text === 'Wat ik offline schreef' && i.groupId === w.groups[0]!.id && i.authorId === a.participantId,
          ),
        );
      } finally {
        check.destroy();
      }
      expect(await phone.evaluate((id) => localStorage.getItem(`werkplaats:${id}:unsaved`), w.id)).toBeNull();
    },
  );

  it(
    'an outdated app (an older protocol version) is asked to reload instead of failing later',
    { timeout: 60_000 },
    async () => {
      const { url } = room.server;
      const w = await createWorkshop(url, room.server.organiserKey);
      const a = await joinAs(url, w, 'Aïcha', 0);
      const ctx = room.keep(await joinedPhoneContext(room.browser, w.id, a));
      // The app of yesterday, still in the browser's cache: it offers version 0.
      await ctx.addInitScript(() => {
        const Native = window.WebSocket;
        class Old extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            const list = typeof protocols === 'string' ? [protocols] : protocols;
            super(
              url,
              list?.map((p) => (/^v\.\d+$/.test(p) ? 'v.0' : p)),
            );
          }
        }
        window.WebSocket = Old;
      });
      const phone = await ctx.newPage();
      await phone.goto(`${url}/p/${w.id}`);
      const notice = phone.getByTestId('outdated-notice');
      await notice.getByText('Er is een nieuwe versie — herlaad de pagina.').waitFor();
      await notice.getByRole('button', { name: 'Herladen' }).waitFor();
    },
  );

  it(
    "the console shows a participant's re-entry QR and merges a second registration of the same person",
    {
      timeout: 60_000,
    },
    async () => {
      const { url } = room.server;
      const w = await createWorkshop(url, room.server.organiserKey);
      const a = await joinAs(url, w, 'Aïcha', 0);
      const twin = await joinAs(url, w, 'Aïcha (2)', 0);
      const board = yClient(url, w.id, 'board', twin.token);
      try {
        await synced(board);
        board.doc.transact(() =>
          addItem(board.doc, {
            id: 'twinnote',
            kind: 'note',
            sessionId: 'opening',
            groupId: w.groups[0]!.id,
            authorId: twin.participantId,
            createdAt: Date.now(),
            updatedAt: Date.now(),
            text: 'Van de tweede registratie',
          }),
        );
        // The second registration's phone is open while the facilitator merges.
        // Its identity is stored once, as the join page does (an init script would put it back on every reload).
        const twinPhone = await room.keep(await phoneContext(room.browser)).newPage();
        await twinPhone.goto(`${url}/j`);
        await twinPhone.evaluate(([key, value]) => localStorage.setItem(key, value), [
          `werkplaats:participant:${w.id}`,
          JSON.stringify(twin),
        ] as const);
        await twinPhone.goto(`${url}/p/${w.id}`);
        await twinPhone.getByTestId('participant-identity').filter({ hasText: 'Aïcha (2)' }).waitFor();
        const console = await openStaffPage(room, w.links.facilitator);
        const row = console.locator(`[data-testid="participant-row"][data-participant-id="${twin.participantId}"]`);
        await row.getByTestId('participant-reentry').locator('summary').click();
        await row.getByTestId('reentry-show').click();
        await row.getByTestId('join-qr').waitFor();
        const link = await row.getByTestId('console-reentry-link').inputValue();
        expect(link).toContain(`/p/${w.id}#`);
        const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${link.split('#')[1]}` } });
        expect(((await me.json()) as { participantId: string }).participantId).toBe(twin.participantId);

        await row.getByTestId('merge-into').selectOption(a.participantId);
        await row.getByTestId('merge-confirm').click();
        await row.waitFor({ state: 'detached' });
        await expect.poll(() => console.getByTestId('participant-row').count()).toBe(1);
        // That phone follows: it is Aïcha now, and online.
        await expect
          .poll(() => twinPhone.evaluate((id) => localStorage.getItem(`werkplaats:participant:${id}`), w.id), {
            timeout: 15_000,
          })
          .toContain(a.participantId);
        await expect.poll(() => twinPhone.getByTestId('participant-identity').textContent()).toContain('Aïcha');
        await expect.poll(() => twinPhone.getByTestId('participant-identity').textContent()).not.toContain('(2)');
        await online(twinPhone);
        const check = yClient(url, w.id, 'board', w.tokens.researcher);
        try {
          await waitFor(() => readItems(check.doc).find((i) => i.id === 'twinnote')?.authorId === a.participantId, {
            timeout: 15_000,
          });
        } finally {
          check.destroy();
        }
      } finally {
        board.destroy();
      }
    },
  );
});
