import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemsMap } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { e2eRoom, joinThroughForm, phoneContext } from './browser';

/** Every websocket close code of the tab, kept in sessionStorage so it survives reloads (also offline ones). */
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

/**
 * Issue 12, "done when": one phone plays through every exercise kind of both days, posting in each with that
 * exercise's own phone UI; it reloads three times, writes while offline, reloads while offline (the service worker
 * serves the app, IndexedDB the board) and comes back. It stays one participant, follows every "Volgende →", every
 * contribution reaches the projector and the server, and it never sees a 44xx close.
 */
describe('a phone through every exercise of both days, with reloads and offline spells (issue 12)', () => {
  const room = e2eRoom();

  it(
    'stays the same participant, follows every step, and every contribution arrives',
    { timeout: 180_000 },
    async () => {
      const { url } = room.server;
      const w = await createWorkshop(url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
      // A second person, so that the tree has a group and the consults a second cooperation.
      await joinAs(url, w, 'Bram', 1, 'informal');
      const facilitator = ioClient(url, w.tokens.facilitator);
      await facilitator.connected();
      // What the projector receives, read as a Yjs client with the screen's token (and the screen page itself).
      const screenBoard = yClient(url, w.id, 'board', w.tokens.screen);
      const screenControl = yClient(url, w.id, 'control', w.tokens.screen);
      const onScreen = (text: string) =>
        waitFor(() => JSON.stringify(itemsMap(screenBoard.doc).toJSON()).includes(text));
      try {
        await Promise.all([synced(screenBoard), synced(screenControl)]);
        const screen = await room.page({ viewport: { width: 1280, height: 720 } });
        await screen.goto(w.links.screen);

        const ctx = room.keep(await phoneContext(room.browser));
        await recordCloses(ctx);
        const phone = await ctx.newPage();
        await phone.goto(w.links.join);
        await joinThroughForm(phone, { name: 'Amina', group: 'Utrecht', side: 'formal' });
        const identity = () => phone.evaluate((id) => localStorage.getItem(`werkplaats:participant:${id}`), w.id);
        const me = await identity();
        expect(me).toContain('participantId');

        const online = () => phone.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
        const shown = async (sessionId: string) => {
          await phone.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).waitFor();
          await screen.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).first().waitFor();
        };
        const next = async (sessionId: string) => {
          expect((await facilitator.command({ type: 'session.next' })).ok).toBe(true);
          await waitFor(() => readControl(screenControl.doc).state?.currentSessionId === sessionId);
          await shown(sessionId);
        };
        const ex = async (sessionId: string, action: string, payload?: unknown) =>
          expect((await facilitator.command({ type: 'exercise', sessionId, action, payload })).ok).toBe(true);
        const reload = async (sessionId: string) => {
          await phone.reload();
          await phone.getByTestId('participant-identity').filter({ hasText: 'Amina' }).waitFor();
          await shown(sessionId);
          await online();
        };
        /** Offline: `write` posts while the network is gone, the page reloads offline and shows what it had. */
        const offlineSpell = async (sessionId: string, write: (label: string) => Promise<void>, mine: string) => {
          await ctx.setOffline(true);
          await phone.locator('[data-testid="connection-status"]:not([data-state="online"])').waitFor();
          await write('zonder netwerk');
          await phone.reload();
          await phone.getByTestId('participant-identity').filter({ hasText: 'Amina' }).waitFor();
          await phone.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).waitFor();
          await phone.getByTestId(mine).getByText('zonder netwerk', { exact: false }).first().waitFor();
          await write('na offline herladen');
          await ctx.setOffline(false);
          await online();
          await onScreen('zonder netwerk');
          await onScreen('na offline herladen');
        };

        // ---------- Day one ----------
        // Opening: the note wall.
        await shown('opening');
        await phone.getByTestId('note-input').fill('Opening: wij zijn er');
        await phone.getByTestId('note-post').click();
        await onScreen('Opening: wij zijn er');
        await screen.getByText('Opening: wij zijn er').first().waitFor();

        // Pitch: the group's shared text; three reloads keep it and the person.
        await next('pitch');
        await phone.getByTestId('pitch-editor').waitFor();
        await phone.getByTestId('pitch-text').pressSequentially('Wij verbinden ouders.', { delay: 5 });
        await onScreen('Wij verbinden ouders.');
        for (let round = 1; round <= 3; round++) {
          await reload('pitch');
          expect(await phone.getByTestId('pitch-text').inputValue()).toContain('Wij verbinden ouders.');
          expect(await refusals(phone), `reload ${round}`).toEqual([]);
        }

        // Kader: a question.
        await next('kader');
        await phone.getByTestId('question-input').fill('Kader: wat telt als informeel?');
        await phone.getByTestId('question-send').click();
        await onScreen('Kader: wat telt als informeel?');

        // Krachten en rollen: a strength; then an offline spell with a reload while offline.
        await next('krachten-rollen');
        const strength = async (text: string) => {
          await phone.getByTestId('dimension-knowledge').click();
          await phone.getByTestId('strength-input').fill(text);
          await phone.getByTestId('strength-post').click();
          await phone.getByTestId('my-strengths').getByText(text).waitFor();
        };
        await strength('Kennen twee culturen');
        await onScreen('Kennen twee culturen');
        await screen.getByTestId('strength-card').filter({ hasText: 'Kennen twee culturen' }).waitFor();
        await offlineSpell('krachten-rollen', (label) => strength(`Kracht ${label}`), 'my-strengths');
        await screen.getByTestId('strength-card').filter({ hasText: 'Kracht na offline herladen' }).waitFor();

        // Boom: the facilitator forms the tree groups; a note in a zone.
        await next('boom');
        await ex('boom', 'groups.generate', { size: 2, seed: 1 });
        await phone.getByTestId('tree-group').waitFor();
        await phone.getByTestId('zone-roots').click();
        await phone.getByTestId('tree-input').fill('Vaste financiering');
        await phone.getByTestId('tree-add').click();
        await onScreen('Vaste financiering');
        await screen.getByTestId('screen-tree-item').filter({ hasText: 'Vaste financiering' }).waitFor();

        // Vooroordelenspel (optional in the programme): one answer, counted on the screen.
        await next('vooroordelen');
        await ex('vooroordelen', 'statement.show', { statementId: 'bron-1' });
        await phone.getByTestId('prejudice-statement').waitFor();
        await phone.getByTestId('answer-4').click();
        await phone.getByTestId('prejudice-sent').waitFor();
        await expect.poll(() => screen.getByTestId('screen-answer-count').textContent()).toContain('1 antwoord');

        // ---------- Day two ----------
        // Visie: the cooperation's shared statement; reloaded.
        await next('visie');
        // The statement is opened by the server; the field takes typing once it exists.
        await phone.locator('[data-testid="vision-statement"]:not([readonly])').waitFor();
        await phone.getByTestId('vision-statement').pressSequentially('Samen sterk in de wijk', { delay: 5 });
        await onScreen('Samen sterk in de wijk');
        await screen.getByText('Samen sterk in de wijk').first().waitFor();
        await reload('visie');
        expect(await phone.getByTestId('vision-statement').inputValue()).toBe('Samen sterk in de wijk');

        // Rollenmarkt: a pick with a reason.
        await next('rollenmarkt');
        await phone.getByTestId('pick-role').first().click();
        await phone.getByTestId('who-party-choice').check();
        await phone.getByTestId('who-party').fill('het wijkteam');
        await phone.getByTestId('pick-why').fill('Het wijkteam brengt de gezinnen binnen.');
        await phone.getByTestId('pick-save').click();
        await onScreen('Het wijkteam brengt de gezinnen binnen.');

        // Consult: one scheduled round, then back home for the takeaways.
        await next('consult');
        await ex('consult', 'configure', { mode: 'schedule', rounds: 1, roundMinutes: 15 });
        await ex('consult', 'setRound', { round: 2 });
        await phone.getByTestId('takeaway-input').fill('Een onafhankelijke coördinator.');
        await phone.getByTestId('takeaway-add').click();
        await onScreen('Een onafhankelijke coördinator.');

        // Plan van aanpak: a step; an offline spell with a reload while offline.
        await next('plan');
        const step = async (what: string) => {
          await phone.getByTestId('step-what').fill(what);
          await phone.getByTestId('who-party-choice').check();
          await phone.getByTestId('who-party').fill('het wijkteam');
          await phone.getByTestId('step-when').fill('vóór 1 maart');
          await phone.getByTestId('step-add').click();
          await phone.getByTestId('plan-step').filter({ hasText: what }).waitFor();
        };
        await step('Maandelijks overleg plannen');
        await onScreen('Maandelijks overleg plannen');
        await screen.getByText('Maandelijks overleg plannen').first().waitFor();
        await offlineSpell('plan', (label) => step(`Stap ${label}`), 'plan-step');
        // The projector shows a plan's first step and how many steps it has (all of them only when focused).
        await expect
          .poll(() => screen.locator('[data-testid="plan-screen-card"][data-group-name="Utrecht"]').textContent())
          .toMatch(/: 3 ·/);

        // Afsluiting: the cooperation's closing words (the projector shows them when the facilitator steps through).
        await next('afsluiting');
        await phone.getByTestId('closing-text').fill('Utrecht neemt een convenant mee.');
        await phone.getByTestId('closing-save').click();
        await onScreen('Utrecht neemt een convenant mee.');

        // Still one Amina, the same identity, online, and never refused.
        await online();
        expect(await identity()).toBe(me);
        expect(readControl(screenControl.doc).participants.filter((p) => p.name === 'Amina')).toHaveLength(1);
        expect(await refusals(phone)).toEqual([]);

        // The service worker kept only the app shell: no API answer, websocket or upload in its cache.
        const cached = await phone.evaluate(async () => {
          const urls: string[] = [];
          for (const name of await caches.keys())
            for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
          return urls;
        });
        expect(cached).toContain('/index.html');
        expect(cached.filter((u) => u !== '/index.html' && !u.startsWith('/assets/'))).toEqual([]);
        const sw = await fetch(`${url}/sw.js`);
        expect(sw.headers.get('cache-control')).toBe('no-cache');
      } finally {
        facilitator.close();
        screenBoard.destroy();
        screenControl.destroy();
      }
    },
  );
});
