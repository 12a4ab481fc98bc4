import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addItem, itemsMap, patchItem } from '../shared/boardDoc';
import { newId } from '../shared/ids';
import { SimDoc, SimPhone } from '../tests/sim/simulator';
import type { WorkerPlan, WorkerReport } from './plan';

/**
 * One load-generating child process: plays the phones, screens and researchers of some workshops, and measures
 * write-to-screen latency at the screen client (writer and screen share this process's clock).
 */

interface Phone {
  doc: Y.Doc;
  groupId: string;
  authorId: string;
  ownItem: string | null;
  close(): void;
}

const sent = new Map<string, { t: number; burst: boolean }>();
const latencies: number[] = [];
const burstLatencies: number[] = [];
let wireBytes = 0;
let wireMessages = 0;
let measuring = false;
let counter = 0;

function watchScreen(screen: SimDoc): void {
  screen.provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    (screen.provider.ws as unknown as { on(ev: 'message', fn: (d: ArrayBuffer) => void): void }).on('message', (d) => {
      if (!measuring || new Uint8Array(d)[0] !== 0) return;
      wireBytes += d.byteLength;
      wireMessages++;
    });
  });
  const seen = (text: unknown) => {
    if (typeof text !== 'string') return;
    const s = sent.get(text);
    if (!s) return;
    sent.delete(text);
    (s.burst ? burstLatencies : latencies).push(performance.now() - s.t);
  };
  itemsMap(screen.doc).observeDeep((events) => {
    for (const ev of events) {
      if (ev.target === itemsMap(screen.doc)) {
        for (const key of (ev as Y.YMapEvent<unknown>).keysChanged) seen(itemsMap(screen.doc).get(key)?.get('text'));
      } else if (ev.target instanceof Y.Map) {
        seen(ev.target.get('text'));
      }
    }
  });
}

function write(phone: Phone, sessionId: string, burst: boolean): void {
  const text = `${process.pid}-${counter++} ${burst ? 'Iedereen tegelijk' : 'Wat ons opviel bij de samenwerking'}`;
  const now = Date.now();
  if (measuring || burst) sent.set(text, { t: performance.now(), burst });
  // Mostly typing into one's own note (edits), sometimes a new note: as people write on phones.
  if (!burst && phone.ownItem && Math.random() < 0.8) {
    patchItem(phone.doc, phone.ownItem, { text }, now);
    return;
  }
  const id = newId('i');
  phone.doc.transact(() =>
    addItem(phone.doc, {
      id,
      kind: 'note',
      sessionId,
      groupId: phone.groupId,
      authorId: phone.authorId,
      createdAt: now,
      updatedAt: now,
      text,
    }),
  );
  phone.ownItem = id;
}

async function pool<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

const until = (epochMs: number) => new Promise((r) => setTimeout(r, Math.max(0, epochMs - Date.now())));

async function run(plan: WorkerPlan): Promise<WorkerReport> {
  // The load generator's own event-loop delay: when it is high, latencies measure this process, not the server.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const phones: Phone[] = [];
  const others: SimDoc[] = [];
  const joinMs: number[] = [];
  let errors = 0;
  // Screens and researchers first: the screen must see every write.
  for (const { w } of plan.workshops) {
    const screen = new SimDoc(plan.url, w.id, 'board', w.tokens.screen);
    watchScreen(screen);
    const researcher = new SimDoc(plan.url, w.id, 'board', w.tokens.researcher);
    others.push(screen, researcher);
    await Promise.all([screen.synced(30_000), researcher.synced(30_000)]);
  }
  const seats = plan.workshops.flatMap(({ w, from, to }) =>
    Array.from({ length: to - from }, (_, k) => ({
      w,
      i: from + k,
      groupId: w.groups[(from + k) % w.groups.length]!.id,
    })),
  );
  await pool(seats, 16, async ({ w, i, groupId }) => {
    const t0 = performance.now();
    try {
      if (plan.mode === 'ours') {
        const p = await SimPhone.join(plan.url, w, { name: `Deelnemer ${i + 1}`, groupId, side: 'formal' });
        joinMs.push(performance.now() - t0);
        phones.push({
          doc: p.board.doc,
          groupId,
          authorId: p.joined.participantId,
          ownItem: null,
          close: () => p.close(),
        });
      } else {
        const d = new SimDoc(plan.url, w.id, 'board', 'none');
        await d.synced(30_000);
        joinMs.push(performance.now() - t0);
        phones.push({ doc: d.doc, groupId, authorId: `p${i}`, ownItem: null, close: () => d.destroy() });
      }
    } catch {
      errors++;
    }
  });
  process.send?.({ type: 'joined' });
  const { startAt, burstAt } = await new Promise<{ startAt: number; burstAt: number }>((resolve) =>
    process.once('message', resolve),
  );
  await until(startAt);

  // Steady load: each phone writes on its own Poisson-like schedule.
  const sessionId = plan.sessionId;
  const stopAt = startAt + plan.steadyMs;
  measuring = false;
  setTimeout(() => {
    measuring = true;
    lag.enable();
  }, plan.warmupMs);
  const timers = phones.map((phone, i) => {
    const next = (): NodeJS.Timeout =>
      setTimeout(
        () => {
          if (Date.now() >= stopAt) return;
          write(phone, sessionId, false);
          timers[i] = next();
        },
        -Math.log(1 - Math.random()) * plan.writeEveryMs,
      );
    return next();
  });
  await until(stopAt);
  for (const t of timers) clearTimeout(t);
  measuring = false;
  lag.disable();
  const steadyLost = await waitDrain(5_000);

  // Burst: the facilitator says "go" and everybody posts at the same moment.
  let burstLost = 0;
  if (burstAt) {
    await until(burstAt);
    for (const phone of phones) write(phone, sessionId, true);
    burstLost = await waitDrain(20_000);
  }
  for (const p of phones) p.close();
  for (const d of others) d.destroy();
  return {
    latencies,
    burstLatencies,
    joinMs,
    wireBytes,
    wireMessages,
    errors,
    lost: steadyLost + burstLost,
    phones: phones.length,
    lagP99Ms: lag.percentile(99) / 1e6,
  };
}

async function waitDrain(timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (sent.size > 0 && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  const lost = sent.size;
  sent.clear();
  return lost;
}

process.once('message', (plan: WorkerPlan) => {
  run(plan).then(
    (report) => {
      process.send?.({ type: 'report', report }, () => process.exit(0));
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
