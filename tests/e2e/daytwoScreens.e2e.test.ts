import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoResult } from '../../scripts/demoSeed';
import { ioClient } from '../helpers/clients';
import { e2eRoom, screenshot, STILL } from './browser';

/**
 * The day-two screens with a full room's demo content (five cooperations, twenty people): each fits the projector
 * at 720p and at 4K without its content being cut off.
 */
describe('day two screens with the demo room', () => {
  const room = e2eRoom();
  let demo: DemoResult;

  beforeAll(async () => {
    demo = await seedDemo(room.server.url, room.server.organiserKey);
  }, 90_000);

  const overflow = (p: Page) =>
    p.evaluate(() => {
      const el = document.querySelector('.screen__content');
      const page = document.scrollingElement!;
      return {
        content: el ? el.scrollHeight - el.clientHeight : 0,
        page: page.scrollHeight - window.innerHeight,
        width: page.scrollWidth - window.innerWidth,
      };
    });

  it(
    'fits Visie, Rollenmarkt, Consult, Plan and Afsluiting on 1280×720 and 3840×2160',
    { timeout: 120_000 },
    async () => {
      const f = ioClient(room.server.url, demo.workshop.tokens.facilitator);
      await f.connected();
      await f.command({ type: 'join.open', open: false });
      try {
        for (const [width, height] of [
          [1280, 720],
          [3840, 2160],
        ] as const) {
          const ctx = await room.browser.newContext({ ...STILL, viewport: { width, height } });
          const screen = await ctx.newPage();
          await screen.goto(demo.workshop.links.screen);
          for (const sessionId of ['visie', 'rollenmarkt', 'consult', 'plan', 'afsluiting']) {
            expect(await f.command({ type: 'session.goto', sessionId })).toEqual({ ok: true });
            await screen.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).waitFor();
            await screen.locator('.screen__content > *').first().waitFor();
            if (sessionId === 'consult')
              await f.command({ type: 'exercise', sessionId, action: 'setRound', payload: { round: 1 } });
            if (sessionId === 'consult') await screen.getByTestId('consult-screen-pair').first().waitFor();
            await screenshot(screen, `daytwo-demo-${sessionId}-${height}p`);
            expect(await overflow(screen), `${sessionId} at ${width}×${height}`).toEqual({
              content: 0,
              page: 0,
              width: 0,
            });
          }
          await ctx.close();
        }
      } finally {
        f.close();
      }
    },
  );
});
