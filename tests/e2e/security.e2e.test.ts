import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../shared/boardDoc';
import { createWorkshop, joinAs, synced, yClient } from '../helpers/clients';
import { e2eRoom, joinedPhoneContext } from './browser';

/** Collects CSP violations and page errors, so "runs under the policy" is checked, not assumed. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

describe('security: headers, and the app runs under its Content-Security-Policy', () => {
  const room = e2eRoom();

  it('sends strict security headers', async () => {
    const res = await fetch(`${room.server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const apiRes = await fetch(`${room.server.url}/api/me`);
    expect(apiRes.headers.get('cache-control')).toBe('no-store');
  });

  it(
    'phone, screen and console work with no CSP violation; the phone says everything is saved',
    { timeout: 90_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey);
      const a = await joinAs(room.server.url, w, 'Aïcha');
      const phoneCtx = room.keep(await joinedPhoneContext(room.browser, w.id, a));
      const phone = await phoneCtx.newPage();
      const phoneProblems = await watch(phone);
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.getByTestId('note-input').fill('Vertrouwen kost tijd');
      await phone.getByTestId('note-post').click();
      await phone.locator('[data-testid="note"]', { hasText: 'Vertrouwen kost tijd' }).waitFor();
      await expect
        .poll(() => phone.getByTestId('saved-state').getAttribute('data-saved'), { timeout: 10_000 })
        .toBe('true');

      const screen = await room.page({ viewport: { width: 1280, height: 720 } });
      const screenProblems = await watch(screen);
      await screen.goto(w.links.screen);
      await screen.getByText('Vertrouwen kost tijd').waitFor();

      const console = await room.page({ viewport: { width: 1366, height: 900 } });
      const consoleProblems = await watch(console);
      await console.goto(w.links.facilitator);
      await console.getByText('Vertrouwen kost tijd').first().waitFor();

      expect(await phoneProblems()).toEqual([]);
      expect(await screenProblems()).toEqual([]);
      expect(await consoleProblems()).toEqual([]);

      // A leaked screen link: the facilitator replaces it from the console; the open screen is closed at once.
      await console.getByTestId('rotate-viewers').click();
      await console.getByRole('button', { name: 'Vervangen' }).click();
      await screen.getByTestId('connection-refused').waitFor();
      await expect.poll(() => console.getByTestId('link-screen').inputValue()).not.toBe(w.links.screen);
      await phone.getByTestId('note-input').fill('Nog steeds verbonden');
      await phone.getByTestId('note-post').click();
      await phone.locator('[data-testid="note"]', { hasText: 'Nog steeds verbonden' }).waitFor();
      await expect
        .poll(() => phone.getByTestId('saved-state').getAttribute('data-saved'), { timeout: 10_000 })
        .toBe('true');
    },
  );

  it(
    'a phone whose stored copy holds a forged note is refused, told calmly, and resyncs to the server',
    { timeout: 90_000 },
    async () => {
      const w = await createWorkshop(room.server.url, room.server.organiserKey);
      const a = await joinAs(room.server.url, w, 'Aïcha');
      const b = await joinAs(room.server.url, w, 'Bert');
      // What a curious participant could put in their phone's IndexedDB: a note signed as someone else.
      const forged = new Y.Doc();
      forged.transact(() =>
        addItem(forged, {
          id: 'forged',
          kind: 'note',
          sessionId: 'opening',
          groupId: null,
          authorId: b.participantId,
          createdAt: 1,
          updatedAt: 1,
          text: 'Vervalst bericht',
        }),
      );
      const update = Array.from(Y.encodeStateAsUpdate(forged));
      const ctx = room.keep(await joinedPhoneContext(room.browser, w.id, a));
      const phone = await ctx.newPage();
      await phone.goto(`${room.server.url}/j`);
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
      await phone.goto(`${room.server.url}/p/${w.id}`);
      await phone.locator('[data-testid="server-notice"][data-code="refused"]').waitFor();
      await phone.getByTestId('note-input').fill('Mijn eigen notitie');
      await phone.getByTestId('note-post').click();
      await expect
        .poll(() => phone.getByTestId('saved-state').getAttribute('data-saved'), { timeout: 10_000 })
        .toBe('true');
      expect(await phone.getByText('Vervalst bericht').count()).toBe(0);
      const check = yClient(room.server.url, w.id, 'board', w.tokens.researcher);
      await synced(check);
      const texts = [...check.doc.getMap<Y.Map<unknown>>('items').values()].map((m) => m.get('text'));
      check.destroy();
      expect(texts).toEqual(['Mijn eigen notitie']);
    },
  );
});
