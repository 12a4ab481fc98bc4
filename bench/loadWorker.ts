import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { addItem, itemsMap, patchItem } from '../shared/boardDoc';
import { newId } from '../shared/ids';
import { SimDoc, SimPhone } from '../tests/sim/simulator';
import {
  benchClock,
  sentAt,
  textAt,
  type LoadStart,
  type PhonesReport,
  type ScreensReport,
  type WorkerPlan,
} from './plan';

/**
 * One load-generating child process. In the `phones` role it plays the phones and researchers of some workshops and
 * writes; in the `screens` role it plays their screens and measures write-to-screen latency. Each note's text
 * carries its send time (`textAt`), so the screen needs no shared state with the writer, only the machine's clock.
 */

interface Phone {
  doc: Y.Doc;
  groupId: string;
  authorId: string;
  ownItem: string | null;
  close(): void;
}

const now = () => benchClock(performance);
let counter = 0;

function write(phone: Phone, sessionId: string, burst: boolean): string {
  const at = Date.now();
  const text = textAt(
    `${process.pid}-${counter++}`,
    now(),
    burst ? 'Iedereen tegelijk' : 'Wat ons opviel bij de samenwerking',
  );
  // Mostly typing into one's own note (edits), sometimes a new note: as people write on phones.
  if (!burst && phone.ownItem && Math.random() < 0.8) {
    patchItem(phone.doc, phone.ownItem, { text }, at);
    return text;
  }
  const id = newId('i');
  phone.doc.transact(() =>
    addItem(phone.doc, {
      id,
      kind: 'note',
      sessionId,
      groupId: phone.groupId,
      authorId: phone.authorId,
      createdAt: at,
      updatedAt: at,
      text,
    }),
  );
  phone.ownItem = id;
  return text;
}

/**
 * The provider still receives every relayed update (the server's cost is the same), but drops it unapplied; sync
 * steps are handled as before, so joining, resyncs and the phone's own writes work unchanged.
 */
function receiveWithoutApplying(provider: WebsocketProvider): void {
  const handle = provider.messageHandlers[0]!;
  provider.messageHandlers[0] = (encoder, decoder, p, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) === syncProtocol.messageYjsUpdate) return;
    handle(encoder, decoder, p, emitSynced, messageType);
  };
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
// Messages from the parent in order, none missed while this process was busy elsewhere.
const inbox: unknown[] = [];
const waiting: Array<(m: unknown) => void> = [];
process.on('message', (m) => {
  const w = waiting.shift();
  if (w) w(m);
  else inbox.push(m);
});
const nextMessage = <T>(): Promise<T> =>
  inbox.length > 0 ? Promise.resolve(inbox.shift() as T) : new Promise((resolve) => waiting.push(resolve as never));
const tell = (m: unknown): Promise<void> => new Promise((resolve) => process.send!(m, () => resolve()));

/** Phones: join, write on a Poisson-like schedule, then all at once; report what was written; close when told. */
async function playPhones(plan: WorkerPlan): Promise<void> {
  // The load generator's own event-loop delay: when it is high, writes leave late (the send time is taken at the
  // writer's transaction, so a late write is not counted against the server).
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const phones: Phone[] = [];
  const others: SimDoc[] = [];
  const joinMs: number[] = [];
  let errors = 0;
  for (const { w } of plan.workshops) {
    const researcher = new SimDoc(plan.url, w.id, 'board', w.tokens.researcher);
    others.push(researcher);
    await researcher.synced(30_000);
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
        if (!plan.phonesApply) receiveWithoutApplying(p.board.provider);
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
        if (!plan.phonesApply) receiveWithoutApplying(d.provider);
        phones.push({ doc: d.doc, groupId, authorId: `p${i}`, ownItem: null, close: () => d.destroy() });
      }
    } catch {
      errors++;
    }
  });
  await tell({ type: 'joined' });
  const { startAt, burstAt } = await nextMessage<LoadStart>();
  await until(startAt);

  const sessionId = plan.sessionId;
  const stopAt = startAt + plan.steadyMs;
  const measureFrom = startAt + plan.warmupMs;
  const steady: string[] = [];
  setTimeout(() => lag.enable(), plan.warmupMs);
  const timers = phones.map((phone, i) => {
    const next = (): NodeJS.Timeout =>
      setTimeout(
        () => {
          if (Date.now() >= stopAt) return;
          const text = write(phone, sessionId, false);
          if (Date.now() >= measureFrom) steady.push(text);
          timers[i] = next();
        },
        -Math.log(1 - Math.random()) * plan.writeEveryMs,
      );
    return next();
  });
  await until(stopAt);
  for (const t of timers) clearTimeout(t);
  lag.disable();

  // Burst: the facilitator says "go" and everybody posts at the same moment.
  const burst: string[] = [];
  if (burstAt) {
    await until(burstAt);
    for (const phone of phones) burst.push(write(phone, sessionId, true));
  }
  const report: PhonesReport = {
    steady,
    burst,
    joinMs,
    errors,
    phones: phones.length,
    lagP99Ms: lag.percentile(99) / 1e6,
  };
  await tell({ type: 'report', report });
  // Connected until the screens saw everything (or gave up): closing earlier would change the server's load.
  await nextMessage<{ type: 'close' }>();
  for (const p of phones) p.close();
  for (const d of others) d.destroy();
}

/** Screens: one per workshop; every text's latency from its send time; report the expected ones once seen. */
async function playScreens(plan: WorkerPlan): Promise<void> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const seen = new Map<string, number>();
  let wireBytes = 0;
  let wireMessages = 0;
  let measuring = false;
  for (const { w } of plan.workshops) {
    const screen = new SimDoc(plan.url, w.id, 'board', w.tokens.screen);
    screen.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      const ws = screen.provider.ws as unknown as { on(ev: 'message', fn: (d: ArrayBuffer) => void): void };
      ws.on('message', (d) => {
        if (!measuring || new Uint8Array(d)[0] !== 0) return;
        wireBytes += d.byteLength;
        wireMessages++;
      });
    });
    const items = itemsMap(screen.doc);
    const see = (text: unknown) => {
      if (typeof text === 'string' && !seen.has(text)) seen.set(text, now() - sentAt(text));
    };
    items.observeDeep((events) => {
      for (const ev of events) {
        if (ev.target === items) {
          for (const key of (ev as Y.YMapEvent<unknown>).keysChanged) see(items.get(key)?.get('text'));
        } else if (ev.target instanceof Y.Map) {
          see(ev.target.get('text'));
        }
      }
    });
    await screen.synced(30_000);
  }
  await tell({ type: 'joined' });
  const { startAt } = await nextMessage<LoadStart>();
  await until(startAt + plan.warmupMs);
  measuring = true;
  lag.enable();
  await until(startAt + plan.steadyMs);
  measuring = false;
  lag.disable();
  const { texts } = await nextMessage<{ type: 'expect'; texts: string[] }>();
  const deadline = Date.now() + 20_000;
  while (texts.some((t) => !seen.has(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const report: ScreensReport = {
    seen: Object.fromEntries(texts.filter((t) => seen.has(t)).map((t) => [t, seen.get(t)!])),
    wireBytes,
    wireMessages,
    lagP99Ms: lag.percentile(99) / 1e6,
  };
  await tell({ type: 'report', report });
}

void nextMessage<WorkerPlan>().then((plan) =>
  (plan.role === 'screens' ? playScreens(plan) : playPhones(plan)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  ),
);
