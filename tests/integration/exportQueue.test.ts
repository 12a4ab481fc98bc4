import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addItem, type Item } from '../../shared/boardDoc';
import { initControl } from '../../shared/controlDoc';
import { DEFAULT_CONSENT_TEXT, DEFAULT_PROGRAMME } from '../../shared/template';
import { readFileSync } from 'node:fs';
import {
  ExportsBusy,
  exportBytesThroughServer,
  exportInWorker,
  exportPauses,
  exportProcess,
  exportQueue,
  setExportQueueMax,
} from '../../server/export/runner';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { DocHub } from '../../server/sync/DocHub';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, writeAsServer, type TestServer } from '../helpers/startServer';
import { onRoomWrite } from '../../server/sync/roomActivity';

/**
 * Issue 15: exports never slow the phones. They run one at a time in the export process (server/export/runner.ts);
 * a request identical to one still waiting shares its run; too many different ones waiting get 503 + Retry-After.
 * Whatever is shared or refused, an export's content is whole and the same as one made alone.
 */

const W = 'wqueue';
const text = async (o: { body(): Promise<Buffer> }) => (await o.body()).toString('utf8');

describe('the export queue', () => {
  let dir: string;
  let storage: SqliteStorage;
  let hub: DocHub;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-queue-'));
    storage = new SqliteStorage(dir);
    hub = new DocHub(storage);
    const control = await hub.get(`${W}/control`);
    control.doc.transact(() =>
      initControl(control.doc, {
        meta: {
          title: 'Wachtrij',
          joinCode: 'CCCCCC',
          joinOpen: true,
          consentText: DEFAULT_CONSENT_TEXT,
          source: 'test',
          createdAt: Date.now(),
        },
        programme: DEFAULT_PROGRAMME,
        groups: [{ id: 'g0', name: 'Groep' }],
      }),
    );
    const board = await hub.get(`${W}/board`);
    const t0 = Date.now();
    for (let i = 0; i < 200; i++) {
      const note: Item = {
        id: `n${i}`,
        kind: 'note',
        sessionId: 'opening',
        groupId: 'g0',
        authorId: null,
        createdAt: t0,
        updatedAt: t0,
        text: `notitie ${i}`,
      };
      board.doc.transact(() => addItem(board.doc, note), { actor: 'facilitator' });
    }
    hub.release(control);
    hub.release(board);
  });
  afterAll(async () => {
    await hub.flushAll();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one export at a time; identical requests waiting share one run, with the same content', async () => {
    // Asked in one turn of the event loop: the first starts at once, the second waits, the third joins the second.
    const asked = [0, 1, 2].map(() => exportInWorker(hub, storage, W, 'json', false));
    expect(exportQueue()).toEqual({ running: 1, waiting: 1 });
    const [a, b, c] = await Promise.all(asked);
    // The one that had started is never joined: it may have read storage before the later request was made.
    expect(b!.run).not.toBe(a!.run);
    expect(c!.run).toBe(b!.run);
    expect(await text(c!)).toBe(await text(b!));
    // Whole content: the size told, every note, and the same as an export made alone afterwards.
    const alone = await exportInWorker(hub, storage, W, 'json', false);
    for (const o of [a!, b!, c!]) {
      expect(o.size).toBe((await o.body()).byteLength);
      expect(await text(o)).toBe(await text(alone));
    }
    const json = JSON.parse(await text(alone)) as { items: Array<{ text: string }> };
    expect(json.items).toHaveLength(200);
    expect(exportQueue()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a different export when the queue is full, and lets an identical one join', async () => {
    const before = setExportQueueMax(1);
    try {
      const running = exportInWorker(hub, storage, W, 'md', false);
      const waiting = exportInWorker(hub, storage, W, 'csv', false);
      const refused = exportInWorker(hub, storage, W, 'html', false);
      const joined = exportInWorker(hub, storage, W, 'csv', false);
      const err = await refused.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExportsBusy);
      expect((err as ExportsBusy).retryAfterS).toBeGreaterThanOrEqual(1);
      const [r, w, j] = await Promise.all([running, waiting, joined]);
      expect(j.run).toBe(w.run);
      expect(await text(j)).toBe(await text(w));
      expect(await text(r)).toContain('notitie 199');
      expect(await text(w)).toContain('notitie 199');
      // With room again, the refused one is made.
      expect(await text(await exportInWorker(hub, storage, W, 'html', false))).toContain('notitie 199');
    } finally {
      setExportQueueMax(before);
    }
  });

  it('fails an export whose process dies rather than give part of it, and the next export is whole', async () => {
    const whole = await text(await exportInWorker(hub, storage, W, 'json', false));
    const proc = exportProcess()!;
    expect(proc).not.toBeNull();
    const asked = exportInWorker(hub, storage, W, 'json', false);
    // Ended before the job reaches it: the job is lost with it, and the request must fail, not answer.
    proc.kill('SIGKILL');
    await expect(asked).rejects.toThrow(/export process/);
    // A new process takes the next one, with all of it.
    const again = await exportInWorker(hub, storage, W, 'json', false);
    expect(exportProcess()).not.toBe(proc);
    expect(await text(again)).toBe(whole);
  });
});

describe('exports over HTTP', () => {
  let server: TestServer;
  const open: YClient[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server?.close();
  });

  it('gives concurrent requests the same whole export, and 503 with Retry-After when the queue is full', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Anouk de Vries');
    const phone = yClient(server.url, w.id, 'board', a.token);
    open.push(phone);
    await synced(phone);
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      phone.doc.transact(() =>
        addItem(phone.doc, {
          id: `i${i}`,
          kind: 'note',
          sessionId: 'opening',
          groupId: w.groups[0]!.id,
          authorId: a.participantId,
          createdAt: t0,
          updatedAt: t0,
          text: `idee ${i}`,
        }),
      );
    }
    const exportUrl = `${server.url}/api/workshops/${w.id}/export?format=json`;
    const auth = { authorization: `Bearer ${w.tokens.facilitator}` };
    // Every note written is in the export (the export waits until they are stored).
    await waitFor(async () => {
      const r = await fetch(exportUrl, { headers: auth });
      return (await r.text()).includes('idee 19') || null;
    });

    // Written by the export process on each request's own socket: not one byte of a body passes through the server.
    const through = exportBytesThroughServer();
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const r = await fetch(exportUrl, { headers: auth });
        return { status: r.status, length: Number(r.headers.get('content-length')), body: await r.text() };
      }),
    );
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(Buffer.byteLength(r.body)).toBe(r.length);
      expect(r.body).toBe(answers[0]!.body);
    }
    expect((JSON.parse(answers[0]!.body) as { items: unknown[] }).items).toHaveLength(20);
    expect(exportBytesThroughServer()).toBe(through);
    // The request's headers are the route's (a download, never cached), and the connection ends with the body.
    const head = await fetch(exportUrl, { headers: auth });
    expect(head.headers.get('content-disposition')).toMatch(/^attachment; filename="werkplaats-.*\.json"$/);
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(head.headers.get('x-request-id')).toBeTruthy();
    expect(head.headers.get('connection')).toBe('close');
    expect(await head.text()).toBe(answers[0]!.body);

    const before = setExportQueueMax(0);
    try {
      const busy = await fetch(exportUrl, { headers: auth });
      expect(busy.status).toBe(503);
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('too_many');
    } finally {
      setExportQueueMax(before);
    }
    const again = await fetch(exportUrl, { headers: auth });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(answers[0]!.body);
  });

  it(
    'pauses the export process while phones write, and a room that never stops writing still gets its export',
    {
      timeout: 60_000,
    },
    async () => {
      server = await startServer();
      const w = await createWorkshop(server.url, server.organiserKey);
      const group = w.groups[0]!.id;
      // A workshop large enough that its export takes a while (3,000 notes, written past the phones' rate limit).
      const t0 = Date.now();
      await writeAsServer(server, `${w.id}/board`, (doc) => {
        for (let i = 0; i < 3000; i++) {
          addItem(doc, {
            id: `big${i}`,
            kind: 'note',
            sessionId: 'opening',
            groupId: group,
            authorId: null,
            createdAt: t0,
            updatedAt: t0,
            text: `notitie ${i} `.repeat(8),
          });
        }
      });
      const a = await joinAs(server.url, w, 'Anouk de Vries');
      const phone = yClient(server.url, w.id, 'board', a.token);
      open.push(phone);
      await synced(phone);
      const exportUrl = `${server.url}/api/workshops/${w.id}/export?format=json`;
      const auth = { authorization: `Bearer ${w.tokens.facilitator}` };
      // The process exists (and is warm) before the export that is watched.
      const warm = await fetch(exportUrl, { headers: auth });
      expect(warm.status).toBe(200);
      await warm.text();
      const state = () => readFileSync(`/proc/${exportProcess()!.pid}/stat`, 'utf8').split(') ')[1]![0];

      // The phone writes without stopping while the export runs: every write pauses the process for a moment.
      const before = exportPauses().pauses;
      let done = false;
      const exported = fetch(exportUrl, { headers: auth }).then(async (r) => {
        const body = await r.text();
        done = true;
        return { status: r.status, body };
      });
      // What the process's state is while it is paused: read at once after the server paused it (this listener runs
      // right after the runner's, in the same turn, so the pause cannot end while it looks; the kernel stops the
      // process a moment after the signal).
      const states = new Set<string>();
      const stopWatching = onRoomWrite(() => {
        if (!exportPauses().paused) return;
        const until = performance.now() + 1000;
        let now = state()!;
        while (now !== 'T' && performance.now() < until) now = state()!;
        states.add(now);
      });
      // The job handed to the process (before that, there is nothing to pause).
      await waitFor(() => (exportPauses().working || done ? true : null));
      for (let i = 0; i < 20 && !done; i++) {
        phone.doc.transact(() =>
          addItem(phone.doc, {
            id: `live${i}`,
            kind: 'note',
            sessionId: 'opening',
            groupId: group,
            authorId: a.participantId,
            createdAt: Date.now(),
            updatedAt: Date.now(),
            text: `live ${i}`,
          }),
        );
        // One write at a time, as a phone's pace (the server limits a phone's notes per minute; a few are enough).
        const seen = exportPauses().pauses;
        await waitFor(() => (done || exportPauses().pauses > seen ? true : null));
      }
      const answer = await exported;
      stopWatching();
      expect(answer.status).toBe(200);
      // Whole: every note of the large workshop (the export holds every write made before it was asked for).
      expect((JSON.parse(answer.body) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3000);
      // Paused (state T, "stopped") while the room wrote, every time, and never left paused.
      expect(exportPauses().pauses).toBeGreaterThan(before);
      expect([...states]).toEqual(['T']);
      expect(exportPauses().paused).toBe(false);
      await waitFor(() => (state() !== 'T' ? true : null));
    },
  );
});
