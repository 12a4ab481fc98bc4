import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemsMap, readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { PITCH } from '../../shared/exercises/pitch';
import { drawOrder } from '../../shared/exercises/pitch/order';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { timerRunning } from '../../shared/timer';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('pitch and framework over the real server', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];
  const io = async (token: string) => {
    const c = ioClient(server.url, token);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };
  const doc = async (name: string, token: string) => {
    const c = yClient(server.url, w.id, name, token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  it('gives a group one pitch whose text merges two phones typing at once', async () => {
    const f = await io(w.tokens.facilitator);
    await f.command({ type: 'session.goto', sessionId: 'pitch' });
    const a = await joinAs(server.url, w, 'Aïcha', 0, 'formal');
    const b = await joinAs(server.url, w, 'Bram', 0, 'informal');
    const [pa, pb] = await Promise.all([io(a.token), io(b.token)]);
    // Both phones ask for the group's pitch at the same moment: the server makes exactly one.
    const acks = await Promise.all([
      pa.command({ type: 'exercise', sessionId: 'pitch', action: 'open' }),
      pb.command({ type: 'exercise', sessionId: 'pitch', action: 'open' }),
    ]);
    expect(acks).toEqual([{ ok: true }, { ok: true }]);
    const boardA = await doc('board', a.token);
    const boardB = await doc('board', b.token);
    const pitchOf = (d: Y.Doc) => readItems(d).filter((i) => i.kind === PITCH && i.groupId === w.groups[0]!.id);
    await waitFor(() => pitchOf(boardA.doc).length === 1 && pitchOf(boardB.doc).length === 1);
    expect(pitchOf(boardA.doc)[0]).toMatchObject({ editableBy: 'group', keywords: [] });
    const id = pitchOf(boardA.doc)[0]!.id;
    const textA = itemsMap(boardA.doc).get(id)!.get('text') as Y.Text;
    const textB = itemsMap(boardB.doc).get(id)!.get('text') as Y.Text;

    // Type concurrently while B's connection is down, then let it sync: both edits survive.
    boardB.provider.disconnect();
    textA.insert(0, 'Wij verbinden ouders. ');
    textB.insert(0, 'Samen sterk. ');
    boardB.provider.connect();
    await waitFor(() => textA.toString() === textB.toString() && textA.toString().length > 30);
    expect(textA.toString()).toContain('Wij verbinden ouders. ');
    expect(textA.toString()).toContain('Samen sterk. ');
    const screen = await doc('board', w.tokens.screen);
    await waitFor(() => pitchOf(screen.doc)[0]?.text === textA.toString());
  });

  it('runs the presentation: drawn order, a countdown per pitch, reactions after it', async () => {
    const f = await io(w.tokens.facilitator);
    await f.command({ type: 'session.goto', sessionId: 'pitch' });
    const control = await doc('control', w.tokens.screen);
    const ex = () => readControl(control.doc).exercises.pitch ?? {};

    expect(
      await f.command({ type: 'exercise', sessionId: 'pitch', action: 'drawOrder', payload: { seed: 7 } }),
    ).toEqual({ ok: true });
    const ids = w.groups.map((g) => g.id);
    await waitFor(() => Array.isArray(ex().order));
    expect(ex().order).toEqual(drawOrder(ids, 7));

    const reversed = [...ids].reverse();
    await f.command({ type: 'exercise', sessionId: 'pitch', action: 'setOrder', payload: { order: reversed } });
    await waitFor(() => JSON.stringify(ex().order) === JSON.stringify(reversed));
    expect(
      await f.command({ type: 'exercise', sessionId: 'pitch', action: 'setOrder', payload: { order: ['nope'] } }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await f.command({ type: 'phase.set', phase: 'present' });
    await f.command({ type: 'exercise', sessionId: 'pitch', action: 'present', payload: { groupId: ids[1] } });
    await waitFor(() => ex().current === ids[1]);
    const timer = ex().timer as Parameters<typeof timerRunning>[0];
    expect(timerRunning(timer)).toBe(true);
    expect(timer.durationMs).toBe(3 * 60_000);

    // A participant may not run the order.
    const a = await joinAs(server.url, w, 'Aïcha');
    const pa = await io(a.token);
    expect(
      await pa.command({ type: 'exercise', sessionId: 'pitch', action: 'present', payload: { groupId: ids[0] } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await f.command({ type: 'exercise', sessionId: 'pitch', action: 'finish' });
    await waitFor(() => ex().current === null && ex().reactionsFor === ids[1]);
  });

  it('stores the framework deck and moves between slides within it', async () => {
    const f = await io(w.tokens.facilitator);
    await f.command({ type: 'session.goto', sessionId: 'kader' });
    const control = await doc('control', w.tokens.screen);
    const ex = () => readControl(control.doc).exercises.kader ?? {};
    const deck = '# Een\n\n---\n\n# Twee';
    expect(
      await f.command({ type: 'exercise', sessionId: 'kader', action: 'setDeck', payload: { markdown: deck } }),
    ).toEqual({
      ok: true,
    });
    await waitFor(() => ex().deck === deck);
    await f.command({ type: 'exercise', sessionId: 'kader', action: 'goto', payload: { slide: 9 } });
    await waitFor(() => ex().slide === 1);
    const a = await joinAs(server.url, w, 'Aïcha');
    const pa = await io(a.token);
    expect(
      await pa.command({ type: 'exercise', sessionId: 'kader', action: 'goto', payload: { slide: 0 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
