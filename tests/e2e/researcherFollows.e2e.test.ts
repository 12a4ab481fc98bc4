import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../scripts/demoContent';
import { seedDemo, type DemoResult } from '../../scripts/demoSeed';
import { readParticipants } from '../../shared/controlDoc';
import { synced, yClient } from '../helpers/clients';
import { SimFacilitator } from '../sim/simulator';
import { describeViolations, e2eRoom, screenshot, seriousA11yViolations } from './browser';

/** What sticks out on the right of the page, for a readable failure. */
const tooWide = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (e.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
        // Inside a box that scrolls on its own (a wide table) it does not widen the page.
        for (let a = e.parentElement; a; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right > window.innerWidth;
        return true;
      })
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)} → ${Math.round(e.getBoundingClientRect().right)}`),
  );

/**
 * A researcher follows the group they are assigned to: with the demo's data, assigning "Sanne" to a cooperation
 * makes her live feed and note form default to it (not "Alle groepen"); the feed names people, never ids; and the
 * page never scrolls sideways at 1366×768 or 820×1180, with every "Koppel" button inside the viewport.
 */
describe('the researcher follows their group', () => {
  const room = e2eRoom();
  let demo: DemoResult;
  let facilitator: SimFacilitator;

  beforeAll(async () => {
    demo = await seedDemo(room.server.url, room.server.organiserKey);
    facilitator = new SimFacilitator(room.server.url, demo.workshop.tokens.facilitator);
    await facilitator.must({ type: 'session.goto', sessionId: 'rollenmarkt' });
  }, 120_000);
  afterAll(() => facilitator.close());

  for (const [width, height] of [
    [1366, 768],
    [820, 1180],
  ] as const) {
    it(`defaults to the assigned cooperation and fits ${width}×${height}`, { timeout: 120_000 }, async () => {
      const w = demo.workshop;
      const coop = w.groups[1]!;
      const name = `Sanne ${width}`;
      const page = await room.page({ viewport: { width, height } });
      await page.goto(w.links.researcher);
      await page.getByTestId('console-researcher-name').fill(name);
      await page.locator('[data-testid="session-header"][data-session-id="rollenmarkt"]').first().waitFor();
      await page.getByTestId('feed-item').first().waitFor();
      expect(await page.getByTestId('researcher-group').inputValue()).toBe('');

      await facilitator.must({
        type: 'exercise',
        sessionId: 'rollenmarkt',
        action: 'assignResearcher',
        payload: { groupId: coop.id, name },
      });
      // The feed and the note form follow the assignment.
      await expect.poll(() => page.getByTestId('researcher-group').inputValue()).toBe(coop.id);
      // The note form's speakers are that cooperation's members (in join order, which the demo's parallel joins vary).
      // A researcher sees them by pseudonym only: the facilitator's control document maps names to pseudonyms.
      const control = yClient(room.server.url, w.id, 'control', w.tokens.facilitator);
      await synced(control);
      const pseudonym = new Map(readParticipants(control.doc).map((p) => [p.name, p.pseudonym ?? '']));
      control.destroy();
      const members = DEMO_PEOPLE.filter((p) => p.cooperation === coop.name)
        .map((p) => pseudonym.get(p.name) ?? p.name)
        .sort();
      await expect
        .poll(async () =>
          (await page.getByTestId('speakers').getByRole('button').allInnerTexts())
            .map((x) => x.replace(/^\d\s*/, ''))
            .sort(),
        )
        .toEqual(members);
      const feed = page.getByTestId('feed-item');
      await feed.first().waitFor();
      const metas = await page.locator('[data-testid="feed-item"] .feed__meta').allInnerTexts();
      expect(metas.length).toBeGreaterThan(0);
      for (const m of metas) expect(m).toContain(coop.name);
      // Names, never internal ids (participant ids start with "p", cooperations with "g"; both are long).
      const texts = await page.locator('[data-testid="feed-item"]').allInnerTexts();
      const ids = [...w.groups.map((g) => g.id)];
      for (const t of texts) {
        for (const id of ids) expect(t, t).not.toContain(id);
        expect(t, t).not.toMatch(/\bvoor p[a-z0-9]{6,}/);
      }

      // No sideways scroll, and the whole "Koppel" button of each feed item is on screen horizontally.
      expect(await tooWide(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      for (const box of await page
        .locator('[data-testid="feed-item"] button')
        .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
      }
      await screenshot(page, `researcher-follows-${width}x${height}`);
      // Every session of the demo, as the researcher looks back at it, fits too.
      const sessions = await page
        .locator('[data-testid="researcher-session"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(sessions.length).toBeGreaterThan(5);
      for (const id of sessions) {
        await page.getByTestId('researcher-session').selectOption(id);
        await page.locator(`[data-testid="session-header"][data-session-id="${id}"]`).first().waitFor();
        await expect.poll(() => page.getByTestId('view-loading').count()).toBe(0);
        expect(await tooWide(page), id).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(width);
      }
      expect(describeViolations(await seriousA11yViolations(page))).toEqual([]);
    });
  }
});
