import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { createWorkshop, joinAs, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';
import { rng } from '../helpers/rng';

/** Items as JSON with sorted keys: a map's key order depends on arrival order, its content does not. */
const canon = (doc: Y.Doc) =>
  JSON.stringify(
    readItems(doc).map((i) => Object.fromEntries(Object.entries(i).sort(([a], [b]) => a.localeCompare(b)))),
  );

interface Peer {
  who: string;
  token: string;
  participantId: string | null;
  client: YClient;
  resets: number;
}

/**
 * Random edits (create, edit, delete own notes; type in a group's shared text; staff hide anything; now and then an
 * edit of someone else's note, which the server refuses), random disconnects and reconnects and flushes, across
 * 2–4 real clients. At the end every client and the server hold the same document.
 */
async function fuzz(
  server: TestServer,
  w: CreateWorkshopResponse,
  people: JoinResponse[],
  seed: number,
  steps: number,
) {
  const r = rng(seed);
  const count = 2 + r.int(3);
  const connect = (token: string) => yClient(server.url, w.id, 'board', token);
  const peers: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const staff = i === 0 && r.next() < 0.5;
    const p = people[i % people.length]!;
    const token = staff ? w.tokens.facilitator : p.token;
    peers.push({
      who: staff ? 'facilitator' : p.participantId,
      token,
      participantId: staff ? null : p.participantId,
      client: connect(token),
      resets: 0,
    });
  }
  await Promise.all(peers.map((p) => waitFor(() => p.client.provider.synced)));
  // A refused write makes the page start over from the server's copy, as the browser does.
  const healIfRefused = async (p: Peer) => {
    if (!p.client.closes.some((c) => c.code === 4409)) return;
    p.client.destroy();
    p.client = connect(p.token);
    p.resets++;
    await waitFor(() => p.client.provider.synced);
  };
  let n = 0;
  for (let step = 0; step < steps; step++) {
    const p = r.pick(peers);
    const doc = p.client.doc;
    const items = itemsMap(doc);
    const all = [...items.keys()];
    const mine = all.filter((id) => items.get(id)?.get('authorId') === (p.participantId ?? 'facilitator'));
    const roll = r.next();
    if (roll < 0.3) {
      const id = `s${seed}-${n++}`;
      doc.transact(() =>
        addItem(doc, {
          id,
          kind: 'note',
          sessionId: 'opening',
          groupId: null,
          authorId: p.participantId ?? 'facilitator',
          createdAt: Date.now() + step,
          updatedAt: Date.now() + step,
          text: `notitie ${id}`,
        }),
      );
    } else if (roll < 0.45 && mine.length) {
      const id = r.pick(mine);
      doc.transact(() => items.get(id)?.set('text', `bewerkt ${step}`));
    } else if (roll < 0.5 && mine.length) {
      doc.transact(() => items.delete(r.pick(mine)));
    } else if (roll < 0.65) {
      const shared = items.get('gedeeld')?.get('body');
      if (shared instanceof Y.Text) {
        const at = r.int(shared.length + 1);
        if (r.next() < 0.7 || shared.length === 0) shared.insert(at, 'abc'[r.int(3)]!);
        else shared.delete(Math.min(at, shared.length - 1), 1);
      }
    } else if (roll < 0.7 && !p.participantId && all.length) {
      doc.transact(() => items.get(r.pick(all))?.set('hidden', r.next() < 0.5));
    } else if (roll < 0.73 && p.participantId) {
      const others = all.filter((id) => !mine.includes(id) && id !== 'gedeeld');
      if (others.length) doc.transact(() => items.get(r.pick(others))?.set('text', 'niet van mij'));
    } else if (roll < 0.83) {
      if (p.client.provider.wsconnected || p.client.provider.wsconnecting) p.client.provider.disconnect();
      else p.client.provider.connect();
    } else if (roll < 0.88) {
      // Flush: everyone online catches up before the next edits.
      for (const q of peers) if (!q.client.provider.shouldConnect) q.client.provider.connect();
      await Promise.all(
        peers.map((q) => waitFor(() => q.client.provider.synced || q.client.closes.some((c) => c.code === 4409))),
      );
    }
    for (const q of peers) await healIfRefused(q);
  }
  for (const q of peers) {
    await healIfRefused(q);
    if (!q.client.provider.shouldConnect) q.client.provider.connect();
  }
  const reader = connect(w.tokens.researcher);
  try {
    const same = () => {
      for (const q of peers) if (q.client.closes.some((c) => c.code === 4409)) return false;
      // State vectors miss deletions (they add no structs), so the content is compared too.
      const want = Y.encodeStateVector(reader.doc).toString();
      const items = canon(reader.doc);
      return (
        reader.provider.synced &&
        peers.every((q) => Y.encodeStateVector(q.client.doc).toString() === want && canon(q.client.doc) === items)
      );
    };
    await waitFor(
      async () => {
        for (const q of peers) await healIfRefused(q);
        return same();
      },
      { timeout: 15_000 },
    );
    const want = canon(reader.doc);
    for (const q of peers) expect(canon(q.client.doc), `seed ${seed}: ${q.who}`).toBe(want);
    return {
      peers: peers.length,
      resets: peers.reduce((s, q) => s + q.resets, 0),
      items: readItems(reader.doc).length,
    };
  } finally {
    reader.destroy();
    for (const q of peers) q.client.destroy();
  }
}

describe('convergence fuzz: random edits, disconnects and flushes across 2–4 real clients', { timeout: 60_000 }, () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  let people: JoinResponse[];
  beforeAll(async () => {
    server = await startServer({ limits: { updatesPerSecond: 100_000, itemsPerMinute: 100_000 } });
    w = await createWorkshop(server.url, server.organiserKey);
    people = [];
    for (const name of ['Aïcha', 'Bert', 'Chris', 'Dewi']) people.push(await joinAs(server.url, w, name, 0));
    const f = yClient(server.url, w.id, 'board', w.tokens.facilitator);
    await waitFor(() => f.provider.synced);
    f.doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        id: 'gedeeld',
        kind: 'pitch',
        sessionId: 'pitch',
        groupId: w.groups[0]!.id,
        authorId: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        editableBy: 'group',
      }))
        m.set(k, v);
      m.set('body', new Y.Text());
      itemsMap(f.doc).set('gedeeld', m);
    });
    await waitFor(async () => {
      const check = yClient(server.url, w.id, 'board', w.tokens.researcher);
      await waitFor(() => check.provider.synced);
      const ok = itemsMap(check.doc).has('gedeeld');
      check.destroy();
      return ok;
    });
    f.destroy();
  });
  afterAll(() => server.close());

  // FUZZ_SEEDS=5,6,7 explores more; a seed that ever failed moves to PAST_FAILURES with what it taught.
  const SEEDS = (process.env.FUZZ_SEEDS ?? '1').split(',').map(Number);
  it.each(SEEDS)('seed %i converges', async (seed) => {
    const result = await fuzz(server, w, people, seed, 120);
    expect(result.peers).toBeGreaterThanOrEqual(2);
  });

  // The first runs failed on seeds 2 and 3: an item's keys arrive in a different order on each peer, and the
  // comparison (not the sync) was order-sensitive. Kept, so the comparison stays order-free.
  const PAST_FAILURES = [
    { seed: 2, why: 'same content, keys in a different order per peer' },
    { seed: 3, why: 'same content, keys in a different order per peer, with refused edits mid-run' },
  ];
  it.each(PAST_FAILURES)('past failure, seed $seed: $why', async ({ seed }) => {
    const result = await fuzz(server, w, people, seed, 120);
    expect(result.items).toBeGreaterThan(0);
  });
});
