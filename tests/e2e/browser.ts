import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { joinAs } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

export const SCREENSHOT_DIR = path.resolve('test-artifacts/screenshots');

/** Headless Chromium from the system, with the background noise switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Animations off (the app honours reduced motion), so axe never measures contrast on a card still fading in. */
export const STILL = { reducedMotion: 'reduce' } as const;

/** One browser context per person, as the people in the room each have their own device. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...STILL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
}

export async function screenshot(page: Page, view: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${view}.png`) });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core on the page (WCAG 2.1 A and AA) and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the devtools protocol: the app's CSP forbids inline scripts, and rightly so.
  await page.evaluate(readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A violation list as readable lines, so a failing assertion says what to fix. */
export const describeViolations = (vs: AxeViolation[]): string[] =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/**
 * A phone context for someone who joined through the API: their identity is stored as the join page stores it, so
 * the participant page opens as theirs. The caller closes the context.
 */
export async function joinedPhoneContext(
  browser: Browser,
  workshopId: string,
  joined: { participantId: string; token: string },
): Promise<BrowserContext> {
  const ctx = await phoneContext(browser);
  await ctx.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    `werkplaats:participant:${workshopId}`,
    JSON.stringify({ participantId: joined.participantId, token: joined.token }),
  ] as const);
  return ctx;
}

/**
 * Fills the join page a phone has open (name, cooperation, side, consent), submits it, and waits until the
 * participant page shows the person and is online.
 */
export async function joinThroughForm(
  phone: Page,
  who: { name: string; group: string; side: 'formal' | 'informal' },
): Promise<Page> {
  await phone.getByTestId('join-name').fill(who.name);
  await phone.getByTestId('join-group').selectOption({ label: who.group });
  await phone.getByTestId(`join-side-${who.side}`).check();
  await phone.getByTestId('join-consent').check();
  await phone.getByTestId('join-submit').click();
  await phone.waitForURL(/\/p\//);
  await phone.getByTestId('participant-identity').filter({ hasText: who.name }).waitFor();
  await phone.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
  return phone;
}

/** What an end-to-end file shares: a real server and a browser, and the contexts its tests open. */
export interface E2eRoom {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Closes the context after the file's tests; returns it, so `phoneContext(room.browser).then(room.keep)` reads. */
  keep(ctx: BrowserContext): BrowserContext;
  /** A page in a kept context of its own (animations off), for a console, a screen or a researcher's laptop. */
  page(opts?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts a server (real SQLite in a temporary DATA_DIR) and Chromium before the file's tests and closes every kept
 * context, the browser and the server after them. Call it at the top of a `describe`; read `room.server` and
 * `room.browser` inside tests and later hooks.
 */
export function e2eRoom(): E2eRoom {
  const contexts: BrowserContext[] = [];
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const started = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the ${what} is not started yet: read it inside a test or a later hook`);
    return v;
  };
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  }, 60_000);
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    keep: (ctx) => {
      contexts.push(ctx);
      return ctx;
    },
    async page(opts = {}) {
      const ctx = await started(browser, 'browser').newContext({ ...STILL, ...opts });
      contexts.push(ctx);
      return ctx.newPage();
    },
  };
}

/** A staff page (console, researcher console) at a laptop's 1366×900, opened on `link`; the room closes it. */
export async function openStaffPage(room: E2eRoom, link: string): Promise<Page> {
  const page = await room.page({ viewport: { width: 1366, height: 900 } });
  await page.goto(link);
  return page;
}

/**
 * Phones of people who joined through the API (`joinAs`), each in a context of its own, open on their participant page
 * and online; with `sessionId`, also showing that session. The room keeps (and closes) their contexts.
 */
export async function openPhones(
  room: E2eRoom,
  w: CreateWorkshopResponse,
  names: string[],
  groupIndex: number,
  sessionId: string | null,
): Promise<Page[]> {
  const joined = await Promise.all(names.map((n) => joinAs(room.server.url, w, n, groupIndex)));
  return Promise.all(
    joined.map(async (j) => {
      const p = await room.keep(await joinedPhoneContext(room.browser, w.id, j)).newPage();
      await p.goto(`${room.server.url}/p/${w.id}`);
      await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor();
      if (sessionId)
        await p.locator(`[data-testid="session-header"][data-session-id="${sessionId}"]`).first().waitFor();
      return p;
    }),
  );
}
