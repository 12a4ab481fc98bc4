import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addItem, readItems, type Item } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import { VOTE } from '../../shared/toolkit/votes';
import { createWorkshop, ioClient, joinAs } from '../helpers/clients';
import { SimDoc, SimPhone } from '../sim/simulator';
import { seedDemo } from '../../scripts/demoSeed';
import { e2eRoom, joinedPhoneContext, screenshot } from './browser';

/** Generous per-condition wait: the machine may be busy; every wait is for a condition, never for time. */
const WAIT = { timeout: 30_000 };

/** The note ids on the page a screen (or the console's thumbnail of it) shows. */
const notesOnView = (root: Page, within = '') =>
  root
    .locator(`${within} .pager__list:not(.pager__measure) > [data-testid="screen-note"]`.trim())
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id') ?? ''));

/**
 * Issue 14, the room's status and results on the projector: phones mark themselves ready and raise hands and the
 * screen counts them; the console's thumbnail shows the page the projector shows; a dot vote is a sorted chart.
 */
describe('the projector shows how the room is doing', () => {
  const room = e2eRoom();

  it('counts the phones that joined, that are ready and that raised a hand', { timeout: 180_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const screen = await room.page({ viewport: { width: 1920, height: 1080 } });
    screen.setDefaultTimeout(WAIT.timeout);
    await screen.goto(w.links.screen);
    const phones: Page[] = [];
    for (const [i, name] of ['Hanneke', 'Fatima', 'Kwame'].entries()) {
      const joined = await joinAs(room.server.url, w, name, i % 2);
      const phone = await room.keep(await joinedPhoneContext(room.browser, w.id, joined)).newPage();
      phone.setDefaultTimeout(WAIT.timeout);
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.getByTestId('ready-toggle').waitFor();
      phones.push(phone);
    }
    const status = (id: string) => screen.getByTestId(id).textContent();
    await expect.poll(() => status('room-joined'), WAIT).toBe('3 deelnemers');
    // Nobody ready yet: no count to read.
    expect(await screen.getByTestId('room-ready').count()).toBe(0);

    await phones[0]!.getByTestId('ready-toggle').click();
    await expect.poll(() => status('room-ready'), WAIT).toBe('1 van 3 klaar');
    await phones[1]!.getByTestId('ready-toggle').click();
    await expect.poll(() => status('room-ready'), WAIT).toBe('2 van 3 klaar');
    // Changing one's mind counts too.
    await phones[0]!.getByTestId('ready-toggle').click();
    await expect.poll(() => status('room-ready'), WAIT).toBe('1 van 3 klaar');

    await phones[2]!.getByTestId('hand-toggle').click();
    await expect.poll(() => status('room-hands'), WAIT).toBe('1 hand omhoog');
    await phones[1]!.getByTestId('hand-toggle').click();
    await expect.poll(() => status('room-hands'), WAIT).toBe('2 handen omhoog');
    await screenshot(screen, 'screen-room-status-1920x1080');

    // A new phase starts with nobody ready: the count goes away.
    const f = ioClient(room.server.url, w.tokens.facilitator);
    try {
      await f.connected();
      expect(await f.command({ type: 'session.goto', sessionId: 'krachten-rollen' })).toEqual({ ok: true });
      expect(await f.command({ type: 'phase.set', phase: 'terugkoppeling' })).toEqual({ ok: true });
      await screen.getByTestId('room-ready').waitFor({ state: 'detached' });
    } finally {
      f.close();
    }
  });

  it('shows in the console thumbnail the page the projector shows', { timeout: 180_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const writers = await Promise.all(
      [0, 1, 2].map((i) =>
        SimPhone.join(room.server.url, w, { name: `Schrijver ${i}`, groupId: w.groups[i % 2]!.id, side: 'formal' }),
      ),
    );
    const f = ioClient(room.server.url, w.tokens.facilitator);
    try {
      await f.connected();
      expect(await f.command({ type: 'join.open', open: false })).toEqual({ ok: true });
      expect(await f.command({ type: 'session.goto', sessionId: 'opening' })).toEqual({ ok: true });
      for (let i = 0; i < 45; i++)
        writers[i % 3]!.postNote('opening', `Notitie ${i}: wat ik hoop te halen uit deze twee dagen samen`);

      const screen = await room.page({ viewport: { width: 1920, height: 1080 } });
      screen.setDefaultTimeout(WAIT.timeout);
      await screen.goto(w.links.screen);
      const console = await room.page({ viewport: { width: 1400, height: 1000 } });
      console.setDefaultTimeout(WAIT.timeout);
      await console.goto(w.links.facilitator);
      const thumb = console.getByTestId('screen-thumbnail');
      await expect.poll(() => screen.getByTestId('screen-notes').getAttribute('data-cards'), WAIT).toBe('45');
      await expect.poll(() => thumb.getByTestId('pager').count(), WAIT).toBe(1);
      const pager = screen.getByTestId('pager');
      const pages = Number(await pager.getAttribute('data-pages'));
      expect(pages).toBeGreaterThan(2);
      // The thumbnail is the same screen at 1080p, scaled: the same number of pages, the same page, the same cards.
      const same = async () =>
        JSON.stringify([await pager.getAttribute('data-page'), await notesOnView(screen)]) ===
        JSON.stringify([
          await thumb.getByTestId('pager').getAttribute('data-page'),
          await notesOnView(console, '.screen-thumb'),
        ]);
      await expect.poll(() => thumb.getByTestId('pager').getAttribute('data-pages'), WAIT).toBe(String(pages));
      await expect.poll(same, WAIT).toBe(true);

      // Paused and paged from the console, both move together.
      await console.getByTestId('screen-pause').click();
      await expect.poll(() => pager.getAttribute('data-paused'), WAIT).toBe('true');
      for (let i = 0; i < pages; i++) {
        const before = Number(await pager.getAttribute('data-page'));
        await console.getByTestId('screen-page-next').click();
        await expect.poll(async () => Number(await pager.getAttribute('data-page')), WAIT).toBe((before + 1) % pages);
        await expect.poll(same, WAIT).toBe(true);
      }
      await screenshot(console, 'screen-room-console-thumbnail');
    } finally {
      f.close();
      for (const p of writers) p.close();
    }
  });

  it('shows a dot vote as a chart, most dots first, with the counts', { timeout: 180_000 }, async () => {
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const writer = await SimPhone.join(room.server.url, w, { name: 'Amina', groupId: w.groups[0]!.id, side: 'formal' });
    const f = ioClient(room.server.url, w.tokens.facilitator);
    const board = new SimDoc(room.server.url, w.id, 'board', w.tokens.facilitator);
    try {
      await f.connected();
      expect(await f.command({ type: 'session.goto', sessionId: 'opening' })).toEqual({ ok: true });
      const texts = ['Elkaar beter kennen', 'Samen plannen maken', 'Weten wie wat doet', 'Een netwerk in de wijk'];
      for (const t of texts) writer.postNote('opening', t);
      await board.synced();
      await board.waitFor(() => readItems(board.doc).length >= texts.length, 20_000, 'notes');
      const notes = readItems(board.doc).filter((i) => typeof i.text === 'string');
      // Dots: 2, 5, 0 and 3 (anonymous dots, as the server writes them); an item without dots has no bar.
      const dots = [2, 5, 0, 3];
      board.doc.transact(() =>
        notes.forEach((n) => {
          for (let d = 0; d < dots[texts.indexOf(n.text as string)]!; d++)
            addItem(board.doc, {
              id: newId('i'),
              kind: VOTE,
              sessionId: 'opening',
              authorId: null,
              groupId: null,
              createdAt: Date.now(),
              updatedAt: Date.now(),
              setId: 'roomvote',
              targetId: n.id,
            } as unknown as Item);
        }),
      );
      expect(
        await f.command({
          type: 'vote.open',
          voting: { setId: 'roomvote', budget: 5, maxPerItem: 5, anonymous: true },
        }),
      ).toEqual({ ok: true });
      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      screen.setDefaultTimeout(WAIT.timeout);
      await screen.goto(w.links.screen);
      const rows = screen.getByTestId('screen-vote-row');
      await expect
        .poll(
          () =>
            rows.evaluateAll((els) =>
              els.map((e) => [
                e.querySelector('[data-contribution]')?.textContent,
                Number(e.getAttribute('data-count')),
              ]),
            ),
          WAIT,
        )
        .toEqual([
          ['Samen plannen maken', 5],
          ['Een netwerk in de wijk', 3],
          ['Elkaar beter kennen', 2],
        ]);
      // The counts are readable (and said to screen readers in words).
      await expect.poll(() => rows.first().textContent(), WAIT).toContain('5 stippen');
      await screenshot(screen, 'screen-room-votes-1280x720');
    } finally {
      board.destroy();
      f.close();
      writer.close();
    }
  });

  it(
    'lets the facilitator run the kader talk, the strengths feedback and the tree harvest from the console',
    { timeout: 240_000 },
    async () => {
      const demo = await seedDemo(room.server.url, room.server.organiserKey);
      const w = demo.workshop;
      const screen = await room.page({ viewport: { width: 1920, height: 1080 } });
      screen.setDefaultTimeout(WAIT.timeout);
      await screen.goto(w.links.screen);
      const console = await room.page({ viewport: { width: 1400, height: 1000 } });
      console.setDefaultTimeout(WAIT.timeout);
      await console.goto(w.links.facilitator);
      const goto = async (title: string, id: string) => {
        await console.getByTestId('programme-item').filter({ hasText: title }).click();
        await screen.locator(`[data-testid="session-header"][data-session-id="${id}"]`).waitFor();
      };
      const heading = (p: Page, within: string) =>
        p.locator(`${within} [data-testid="slide"] :is(h2, h3, h4)`).first().textContent();

      // Kader: full-screen slides; the presenter view shows this slide and the next; "next" brings the next one.
      await goto('Kader', 'kader');
      // Back to the first slide, wherever the demo left the talk.
      const prev = console.getByTestId('slide-prev');
      await prev.waitFor();
      for (let i = 0; i < 20 && (await prev.isEnabled()); i++) {
        const at = await console.getByTestId('console-slide-count').textContent();
        await prev.click();
        await expect.poll(() => console.getByTestId('console-slide-count').textContent(), WAIT).not.toBe(at);
      }
      await screen.locator('[data-testid="slide-count"][data-slide="0"]').waitFor();
      const presenter = console.getByTestId('presenter-view');
      await expect.poll(() => presenter.getByTestId('slide').count(), WAIT).toBe(2);
      const now = await heading(console, '.presenter__slide:not(.presenter__slide--next)');
      const next = await heading(console, '.presenter__slide--next');
      expect(await heading(screen, '.slide-frame--screen')).toBe(now);
      await console.getByTestId('slide-next').click();
      await screen.locator('[data-testid="slide-count"][data-slide="1"]').waitFor();
      expect(await heading(screen, '.slide-frame--screen')).toBe(next);
      await expect.poll(() => heading(console, '.presenter__slide:not(.presenter__slide--next)'), WAIT).toBe(next);
      // The slide fills the screen: the session's prompt gives it the room.
      expect(await screen.getByTestId('session-prompt').isVisible()).toBe(false);
      await console.getByTestId('slide-prev').click();
      await screen.locator('[data-testid="slide-count"][data-slide="0"]').waitFor();
      await screenshot(screen, 'screen-room-kader-1920x1080');

      // Strengths feedback: the walls of both sides on the screen, paged from the console.
      await goto('Krachten en rollen', 'krachten-rollen');
      await console.getByTestId('strengths-phase-terugkoppeling').click();
      await screen.getByTestId('strength-wall').waitFor();
      await expect.poll(() => screen.getByTestId('strength-card').count(), WAIT).toBeGreaterThan(0);
      const pager = screen.getByTestId('pager');
      await console.getByTestId('screen-pause').click();
      await expect.poll(() => pager.getAttribute('data-paused'), WAIT).toBe('true');
      const pages = Number(await pager.getAttribute('data-pages'));
      if (pages > 1) {
        const before = Number(await pager.getAttribute('data-page'));
        await console.getByTestId('screen-page-next').click();
        await expect.poll(async () => Number(await pager.getAttribute('data-page')), WAIT).toBe((before + 1) % pages);
      }
      await screenshot(screen, 'screen-room-strengths-feedback-1920x1080');

      // Tree harvest: the trees on the screen; the console's screen controls page through them.
      await goto('Boom van samenwerking', 'boom');
      await console.getByTestId('tree-phase-oogst').click();
      await expect.poll(() => screen.getByTestId('screen-tree-item').count(), WAIT).toBeGreaterThan(0);
      await screenshot(screen, 'screen-room-tree-harvest-1920x1080');
    },
  );

  it('tells the room when the timer starts and when the time is up', { timeout: 120_000 }, async () => {
    // The projector no longer re-renders every second to notice the end (it wakes once, when the time is up): the
    // announcement must still come.
    const w = await createWorkshop(room.server.url, room.server.organiserKey, ['Utrecht', 'Zaandam']);
    const screen = await room.page({ viewport: { width: 1280, height: 720 } });
    screen.setDefaultTimeout(WAIT.timeout);
    await screen.goto(w.links.screen);
    await screen.getByTestId('timer').waitFor();
    const said = () => screen.getByTestId('screen-announcer').textContent();
    const f = ioClient(room.server.url, w.tokens.facilitator);
    try {
      await f.connected();
      expect(await f.command({ type: 'timer.reset', minutes: 0.1 })).toEqual({ ok: true });
      expect(await f.command({ type: 'timer.start' })).toEqual({ ok: true });
      await expect.poll(said, WAIT).toMatch(/^Timer gestart: 0:0[1-6]$/);
      await expect.poll(said, WAIT).toBe('De tijd is om');
      expect(await screen.getByTestId('timer').getAttribute('data-running')).toBe('true');
    } finally {
      f.close();
    }
  });
});
