import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { LIMITS } from '../shared/limits';
import { DEFAULT_PROGRAMME } from '../shared/template';
import { launchBrowser, phoneContext, STILL } from '../tests/e2e/browser';
import { startServer } from '../tests/helpers/startServer';
import { createWorkshop, SimFacilitator, SimPhone } from '../tests/sim/simulator';
import { attribute } from './screenTrace';

/**
 * `npm run bench:client`: client budgets in headless Chromium. A phone on slow 3G with a 4× slower CPU joins a
 * workshop; the screen renders a wall of 500 notes and takes new ones. Last line: one JSON object.
 */

const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const WALL = Number(process.env.WALL_NOTES ?? 500);
// New notes per measurement (twice: timer stopped, timer running); p95 of 50 is the 48th smallest.
const UPDATES = Number(process.env.SCREEN_UPDATES ?? 50);
// New notes the screen takes before the measurement, unmeasured: a projector has been on while the room wrote, so its
// code for a new note has run before (the wall itself arrives in one sync when the page opens, which runs other code).
// Without them, the first updates run code V8 has not optimised yet (20–30 ms each, docs/PERFORMANCE.md).
const WARMUP = Number(process.env.SCREEN_WARMUP ?? 20);
// The server paces each connection to LIMITS.itemsPerMinute new items, so the wall is written by enough people that
// nobody is paced, as in a real room: 20 notes each (25 writers for 500); twenty of them then write the new notes.
const NOTES_PER_WRITER = 20;
const WRITERS = Math.ceil(WALL / NOTES_PER_WRITER);
const UPDATE_WRITERS = Math.min(20, WRITERS);
if (NOTES_PER_WRITER + Math.ceil((2 * UPDATES + WARMUP) / UPDATE_WRITERS) > LIMITS.itemsPerMinute)
  throw new Error('writers paced');
const round = (n: number) => Math.round(n * 10) / 10;
const distDir = path.resolve('dist/client');
if (!existsSync(path.join(distDir, 'index.html'))) throw new Error('build the client first (npm run build)');

const gzipKb = (url: string): number => {
  const file = path.join(distDir, new URL(url).pathname);
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length / 1024 : 0;
};

// `SCREEN_ONLY=1`: only the screen's scenario (the phone's numbers are left out of the result).
const SCREEN_ONLY = process.env.SCREEN_ONLY === '1';

const server = await startServer();
const browser = await launchBrowser();
try {
  const w = await createWorkshop(server.url, server.organiserKey, 'Budget', ['Utrecht', 'Zaandam']);
  const phoneResult = SCREEN_ONLY ? null : await phoneScenario();

  /** The phone: joins on slow 3G with a 4× slower CPU; what it fetched and how long it took. */
  async function phoneScenario() {
    // The phone: slow 3G, 4× CPU slowdown.
    const ctx = await phoneContext(browser);
    const phone = await ctx.newPage();
    const cdp = await ctx.newCDPSession(phone);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const scripts = new Set<string>();
    let scriptsStarted = 0;
    let scriptsInFlight = 0;
    phone.on('request', (r) => {
      if (r.resourceType() !== 'script') return;
      scriptsStarted++;
      scriptsInFlight++;
    });
    const scriptEnded = (r: Request) => {
      if (r.resourceType() === 'script') scriptsInFlight--;
    };
    phone.on('requestfinished', scriptEnded);
    phone.on('requestfailed', scriptEnded);
    phone.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(r.url());
    });
    const scriptsKb = () => [...scripts].reduce((n, u) => n + gzipKb(u), 0);
    /** Waits until the phone has stopped fetching scripts: three idle moments in a row with none started or open. */
    const scriptsSettled = async () => {
      for (let quiet = 0; quiet < 3;) {
        const started = scriptsStarted;
        await phone.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 5000 }))');
        while (scriptsInFlight > 0)
          await Promise.race([phone.waitForEvent('requestfinished'), phone.waitForEvent('requestfailed')]);
        quiet = scriptsStarted === started ? quiet + 1 : 0;
      }
    };
    const t0 = performance.now();
    await phone.goto(w.links.join);
    await phone.getByTestId('join-name').waitFor();
    const joinPageMs = performance.now() - t0;
    await phone.getByTestId('join-name').fill('Amina');
    await phone.getByTestId('join-group').selectOption({ index: 1 });
    await phone.getByTestId('join-side-formal').check();
    await phone.getByTestId('join-consent').check();
    // The participant page's own status (with its documents and command socket up), not the join page's, which only
    // says whether the browser has a network.
    const online =
      '.page:has([data-testid="participant-identity"]) [data-testid="connection-status"][data-state="online"]';
    // Timed in the page, from the tap to the online composer being painted: Playwright's waits poll every 500 ms after
    // their first second, which would add up to half a second of noise. (Joining navigates within the page.)
    await phone.evaluate(`window.__interactive = new Promise((resolve) => {
      let tapped = 0;
      addEventListener('click', () => { tapped = performance.now(); }, { capture: true, once: true });
      const ready = () => !!document.querySelector(${JSON.stringify(online)}) && !!document.querySelector('[data-testid="note-input"]');
      const mo = new MutationObserver(() => {
        if (!tapped || !ready()) return;
        mo.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - tapped)));
      });
      mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    }); true`);
    await phone.getByTestId('join-submit').click();
    await phone.locator(online).waitFor({ timeout: 60_000 });
    await phone.getByTestId('note-input').waitFor();
    const joinToInteractiveMs = (await phone.evaluate('window.__interactive')) as number;
    const interactiveJsGzipKb = scriptsKb();
    // What the phone fetches afterwards while idle (the next session's view) is part of the route too.
    await scriptsSettled();
    const participantJsGzipKb = scriptsKb();
    const participantScripts = [...scripts].map((u) => path.basename(new URL(u).pathname)).sort();
    // The phone is another device in the room: left open, it would render the whole wall on the screen's two cores.
    await ctx.close();
    return {
      participantJsGzipKb,
      interactiveJsGzipKb,
      participantScripts,
      scripts: scripts.size,
      joinPageMs,
      joinToInteractiveMs,
    };
  }

  // The screen: a wall of notes, then one more at a time; main-thread work per update from the DevTools metrics.
  const sessionId = DEFAULT_PROGRAMME[0]!.id;
  const writers = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      SimPhone.join(server.url, w, { name: `Schrijver ${i}`, groupId: w.groups[i % 2]!.id, side: 'formal' }),
    ),
  );
  for (let i = 0; i < WALL; i++) writers[i % writers.length]!.postNote(sessionId, `Notitie ${i} over de samenwerking`);
  const screenCtx = await browser.newContext({ ...STILL, viewport: { width: 1920, height: 1080 } });
  const screen = await screenCtx.newPage();
  const screenCdp = await screenCtx.newCDPSession(screen);
  await screenCdp.send('Performance.enable');
  await screen.goto(w.links.screen);
  // The wall holds every note in its store and shows the newest (the screen is read from the back of the room).
  await screen.waitForFunction(
    (n) => document.querySelector('[data-testid="screen-notes"]')?.getAttribute('aria-label')?.includes(String(n)),
    WALL,
    { timeout: 120_000 },
  );
  // The screen shows the wall's first page and stays there: new notes come in at the top of the wall (newest first),
  // so every update changes the page on view, the most work a new note can cause (on later pages it causes less).
  const facilitator = new SimFacilitator(server.url, w.tokens.facilitator, w.id);
  await facilitator.must({ type: 'session.goto', sessionId });
  await facilitator.must({ type: 'screen.pause', paused: true });
  await screen.waitForFunction(
    () => document.querySelector('[data-testid="pager"]')?.getAttribute('data-page') === '0',
    undefined,
    { timeout: 30_000 },
  );
  // The other writers' phones are other devices too; closed, they no longer decode every update on this machine.
  for (const p of writers.splice(UPDATE_WRITERS)) p.close();
  /** Main-thread time so far (ms): all of it, and the script, layout and style parts. */
  const taskMs = async () => {
    const { metrics } = await screenCdp.send('Performance.getMetrics');
    const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      task: ms('TaskDuration'),
      script: ms('ScriptDuration'),
      layout: ms('LayoutDuration'),
      style: ms('RecalcStyleDuration'),
    };
  };
  // When a new note is on the screen and painted, the page tells the bench through a binding. The watcher is set up
  // once, before the updates: per update the page does only what the update causes (its render, layout and paint),
  // plus this watcher's small part (a MutationObserver that reads the added cards' text, a frame callback, a message
  // and the binding call). A new note counts as shown once its card is in the list on view and the frame that paints
  // it has run: the message posted from that frame's callback runs after the frame's style, layout, paint and
  // commit, in the next task.
  const waiting = new Map<string, () => void>();
  // A bare DevTools binding: the page's call is one native function call with the text (Playwright's own bindings
  // wrap it in serialisation that cost the page more than a millisecond per call).
  screenCdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name === '__updateShown') waiting.get(payload)?.();
  });
  await screenCdp.send('Runtime.addBinding', { name: '__updateShown' });
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await screen.evaluate(`(() => {
    const pattern = /Nieuwe notitie \\d+/;
    const seen = new Set();
    const painted = (text) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        performance.mark('update-end-' + text);
        window.__updateShown(text);
      };
      ch.port2.postMessage(0);
    });
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1 || !n.closest('[data-testid="screen-notes"]')) continue;
          const m = pattern.exec(n.textContent || '');
          if (m && !seen.has(m[0])) {
            seen.add(m[0]);
            painted(m[0]);
          }
        }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  // `SCREEN_TRACE=1`: a Chromium trace of the updates, read back to say what each update's work was (tracing adds
  // work of its own, so its numbers explain, not replace, an untraced run's).
  const TRACE = process.env.SCREEN_TRACE === '1';
  if (TRACE)
    await browser.startTracing(screen, {
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.gc',
      ],
    });
  if (TRACE) await screen.evaluate(`performance.mark('updates-begin')`);
  // `SCREEN_PROFILE=1`: a CPU profile of the updates (test-artifacts/screen.cpuprofile, for DevTools).
  const PROFILE = process.env.SCREEN_PROFILE === '1';
  if (PROFILE) {
    await screenCdp.send('Profiler.enable');
    await screenCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await screenCdp.send('Profiler.start');
  }
  let posted = 0;
  /** `count` new notes, one at a time: the main-thread work each caused on the screen. */
  const postNotes = async (count: number) => {
    const samples = { task: [] as number[], script: [] as number[], layout: [] as number[], style: [] as number[] };
    for (let i = 0; i < count; i++, posted++) {
      const text = `Nieuwe notitie ${posted}`;
      const shown = new Promise<void>((resolve) => waiting.set(text, resolve));
      const before = await taskMs();
      writers[posted % writers.length]!.postNote(sessionId, text);
      await shown;
      const after = await taskMs();
      for (const k of ['task', 'script', 'layout', 'style'] as const) samples[k].push(after[k] - before[k]);
    }
    return samples;
  };
  // First with the timer stopped (the screen does nothing but take the notes), then with it running, as in a writing
  // round: its ticks (four a second) fall into some updates' windows and are counted with them.
  await postNotes(WARMUP);
  const still = await postNotes(UPDATES);
  await facilitator.must({ type: 'timer.start', minutes: 10 });
  facilitator.close();
  await screen.waitForSelector('[data-testid="timer"][data-running="true"]');
  const ticking = await postNotes(UPDATES);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const median = (xs: number[]) => round(sorted(xs)[Math.floor(xs.length / 2)]!);
  // Nearest rank: with 50 samples the 48th smallest.
  const p95 = (xs: number[]) => round(sorted(xs)[Math.ceil(xs.length * 0.95) - 1]!);
  const max = (xs: number[]) => round(Math.max(...xs));
  if (PROFILE) {
    const { profile } = await screenCdp.send('Profiler.stop');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/screen.cpuprofile', JSON.stringify(profile));
  }
  if (TRACE) {
    const trace = (await browser.stopTracing()).toString('utf8');
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/screen-trace.json', trace);
    const all = [...still.task, ...ticking.task];
    const windows = attribute(
      trace,
      all.map((_, i) => `Nieuwe notitie ${WARMUP + i}`),
    );
    windows.forEach((w, i) => {
      console.log(
        `update ${i}: metrics ${round(all[i]!)} ms; traced ${w.tasksMs} ms (CPU ${w.tasksCpuMs} ms) in ${w.tasks} tasks`,
      );
      console.log(`  by name: ${w.byName.map(([k, v]) => `${k} ${v}`).join('; ')}`);
      for (const t of w.taskList) console.log(`  task ${t.ms}: ${t.top}`);
    });
    const cpu = windows.map((w) => w.tasksCpuMs);
    console.log(
      `traced main-thread CPU per update (all ${cpu.length}): median ${median(cpu)} ms, p95 ${p95(cpu)} ms, max ${max(cpu)} ms`,
    );
    // What an update holds on average, by trace event name (self time).
    const total = new Map<string, number>();
    for (const w of windows) for (const [k, v] of w.byName) total.set(k, (total.get(k) ?? 0) + v);
    console.log(
      `mean per update: ${[...total]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 16)
        .map(([k, v]) => `${k} ${round(v / windows.length)}`)
        .join('; ')}`,
    );
  }
  for (const p of writers) p.close();

  const p = phoneResult;
  const result = {
    ...(p && {
      participantJsGzipKb: round(p.participantJsGzipKb),
      participantJsAtInteractiveGzipKb: round(p.interactiveJsGzipKb),
      participantScripts: p.scripts,
      joinPageMs: round(p.joinPageMs),
      joinToInteractiveMs: round(p.joinToInteractiveMs),
    }),
    wallNotes: WALL,
    wallUpdates: UPDATES,
    wallUpdateMs: p95(still.task),
    wallUpdateMedianMs: median(still.task),
    wallUpdateMaxMs: max(still.task),
    wallUpdateScriptMedianMs: median(still.script),
    wallUpdateLayoutMedianMs: median(still.layout),
    wallUpdateStyleMedianMs: median(still.style),
    wallUpdateTimerMs: p95(ticking.task),
    wallUpdateTimerMedianMs: median(ticking.task),
    wallUpdateTimerMaxMs: max(ticking.task),
  };
  if (p) {
    console.log(`participant route scripts: ${p.participantScripts.join(', ')}`);
    console.log(
      `participant route JS: ${result.participantJsGzipKb} KB gzipped in ${result.participantScripts} files (budget 140), ` +
        `${result.participantJsAtInteractiveGzipKb} KB of it before the composer was online`,
    );
    console.log(
      `join page on slow 3G, 4x CPU: ${result.joinPageMs} ms; join to interactive: ${result.joinToInteractiveMs} ms (budget 3000)`,
    );
  }
  console.log(
    `screen with ${WALL} notes, main-thread work per update (${UPDATES} updates): median ${result.wallUpdateMedianMs} ms, ` +
      `p95 ${result.wallUpdateMs} ms, max ${result.wallUpdateMaxMs} ms (budget 16); with the timer running: median ` +
      `${result.wallUpdateTimerMedianMs} ms, p95 ${result.wallUpdateTimerMs} ms, max ${result.wallUpdateTimerMaxMs} ms`,
  );
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
process.exit(0);
