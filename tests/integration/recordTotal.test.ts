import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, type Item } from '../../shared/boardDoc';
import type { DamagedEntry } from '../../shared/research/recordCheck';
import { putObservation, RESEARCH, type Observation } from '../../shared/research/researchDoc';
import { joinAs, synced, waitFor } from '../helpers/clients';
import { parseCsv, unzipWithPython, validateQde } from '../helpers/research';
import { writeAsServer } from '../helpers/startServer';
import { workshopPerTest } from '../helpers/workshopPerTest';

const get = (url: string, path: string, token: string) =>
  fetch(url + path, { headers: { authorization: `Bearer ${token}` } });

/**
 * Issue 13 point 4: one damaged item, observation or code never knocks out the research record. The guard refuses such
 * entries today, so the server writes the damage straight into the board (as an older server or a modified client
 * before the guard could have left it) and the researcher into the research document.
 */
describe('the record is total', () => {
  const room = workshopPerTest();
  const client = room.client;
  afterEach(() => vi.restoreAllMocks());

  /** A whole note from a participant, a whole observation, and five damaged entries beside them. */
  async function seedDamage() {
    const a = await joinAs(room.server.url, room.w, 'Fatima Zwanenburg', 0, 'informal');
    const phone = client('board', a.token);
    const staff = client('board', room.w.tokens.facilitator);
    const research = client('research', room.w.tokens.researcher);
    await Promise.all([synced(phone), synced(staff), synced(research)]);
    const t0 = Date.now();
    const base = { kind: 'note', sessionId: 'opening', groupId: room.w.groups[0]!.id, authorId: null };
    phone.doc.transact(() =>
      addItem(phone.doc, {
        ...base,
        id: 'good',
        authorId: a.participantId,
        createdAt: t0,
        updatedAt: t0,
        text: 'Wij kennen de families',
      }),
    );
    await writeAsServer(room.server, `${room.w.id}/board`, (doc) => {
      addItem(doc, { ...base, id: 'future', createdAt: 1e20, updatedAt: t0, text: 'uit de verre toekomst' });
      const noId = { ...base, createdAt: t0, updatedAt: t0, text: 'zonder id' } as Partial<Item>;
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(noId)) m.set(k, v);
      itemsMap(doc).set('noid', m);
      const { sessionId: _s, ...noSession } = { ...base, id: 'nosession', createdAt: t0, updatedAt: t0 };
      addItem(doc, { ...noSession, text: 'zonder sessie' } as unknown as Item);
      addItem(doc, { ...base, id: 'noupdated', createdAt: t0, text: 'zonder updatedAt' } as unknown as Item);
      // A field whose content is a shared map, not a text.
      const mapText = new Y.Map<unknown>();
      const odd = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...base, id: 'maptext', createdAt: t0, updatedAt: t0 })) odd.set(k, v);
      odd.set('text', mapText);
      mapText.set('x', 1);
      itemsMap(doc).set('maptext', odd);
    });
    const obs: Observation = {
      id: 'o-good',
      researcherName: 'Dr. Janssen',
      time: t0,
      sessionId: 'opening',
      groupId: base.groupId,
      speakers: [a.participantId],
      codes: ['condition:trust'],
      quote: true,
      text: 'Vertrouwen komt te voet',
      links: ['good'],
      createdAt: t0,
      updatedAt: t0,
    };
    research.doc.transact(() => {
      putObservation(research.doc, obs);
      putObservation(research.doc, { ...obs, id: 'o-future', time: 1e20, text: 'te laat genoteerd' });
      research.doc.getMap(RESEARCH.observations).set('o-broken', { id: 'o-broken', text: 'half' });
      research.doc.getMap(RESEARCH.codes).set('c-broken', { id: 'c-broken', name: 'kapot', createdAt: 1e20 });
    });
    return { a, t0 };
  }

  const DAMAGED_IDS = ['future', 'noid', 'nosession', 'noupdated', 'maptext', 'o-future', 'o-broken', 'c-broken'];

  it('exports every format with the damaged entries listed and everything else present', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await seedDamage();
    const token = room.w.tokens.facilitator;
    const exportPath = `/api/workshops/${room.w.id}/export?format=`;
    // Poll until every write reached the server.
    const json = await waitFor(
      async () => {
        const res = await get(room.server.url, exportPath + 'json', token);
        if (res.status !== 200) return null;
        const body = (await res.json()) as { damaged: DamagedEntry[]; items: Array<{ id: string }> };
        return body.damaged.length >= DAMAGED_IDS.length && body.items.length >= 1 ? body : null;
      },
      { timeout: 10_000 },
    );
    expect(json.damaged.map((d) => d.id).sort()).toEqual([...DAMAGED_IDS].sort());
    for (const d of json.damaged) expect(d.reason.length).toBeGreaterThan(0);
    expect(json.damaged.find((d) => d.id === 'future')).toMatchObject({
      type: 'item',
      reason: expect.stringMatching(/createdAt/),
      text: 'uit de verre toekomst',
    });
    expect(json.damaged.find((d) => d.id === 'noid')?.reason).toMatch(/id is missing/);
    expect(json.damaged.find((d) => d.id === 'nosession')?.reason).toMatch(/sessionId/);
    expect(json.damaged.find((d) => d.id === 'noupdated')?.reason).toMatch(/updatedAt/);
    expect(json.damaged.find((d) => d.id === 'o-future')).toMatchObject({ type: 'observation' });
    expect(json.damaged.find((d) => d.id === 'c-broken')).toMatchObject({ type: 'code' });
    expect(json.items.map((i) => i.id)).toEqual(['good']);
    const observations = (json as unknown as { observations: Array<{ id: string }> }).observations;
    expect(observations.map((o) => o.id)).toEqual(['o-good']);
    // Reported in the server log, one line per damaged entry.
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    for (const id of DAMAGED_IDS) expect(logged).toContain(JSON.stringify(id));

    const csvRes = await get(room.server.url, exportPath + 'csv', token);
    expect(csvRes.status).toBe(200);
    const rows = parseCsv((await csvRes.text()).replace(/^\uFEFF/, ''));
    expect(rows.filter((r) => r[0] === 'contribution').map((r) => r[1])).toEqual(['good']);
    expect(rows.filter((r) => r[0] === 'observation').map((r) => r[1])).toEqual(['o-good']);
    expect(
      rows
        .filter((r) => r[0] === 'damaged')
        .map((r) => r[1])
        .sort(),
    ).toEqual([...DAMAGED_IDS].sort());
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);

    for (const format of ['md', 'html']) {
      const res = await get(room.server.url, exportPath + format, token);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('Wij kennen de families');
      expect(text).toContain('Vertrouwen komt te voet');
      expect(text).toContain('Beschadigde onderdelen');
      for (const id of DAMAGED_IDS) expect(text).toContain(id);
      expect(text).toContain('uit de verre toekomst');
    }

    const qdpx = await get(room.server.url, exportPath + 'qdpx', token);
    expect(qdpx.status).toBe(200);
    const files = unzipWithPython(Buffer.from(await qdpx.arrayBuffer()));
    const project = files['project.qde']!;
    expect(validateQde(project)).toBeNull();
    for (const id of DAMAGED_IDS) expect(project).toContain(id);
    expect(Object.values(files).join('\n')).toContain('Wij kennen de families');

    const key = await get(room.server.url, exportPath + 'key', token);
    expect(key.status).toBe(200);
    const real = await get(room.server.url, exportPath + 'json&names=real', token);
    expect(real.status).toBe(200);
  });

  it('replays the board and the research document with the damaged entries apart', async () => {
    await seedDamage();
    const token = room.w.tokens.researcher;
    const board = await waitFor(
      async () => {
        const res = await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board`, token);
        if (res.status !== 200) return null;
        const body = (await res.json()) as { items: Item[]; damaged: DamagedEntry[] };
        return body.damaged.length === 5 ? body : null;
      },
      { timeout: 10_000 },
    );
    expect(board.items.map((i) => i.id)).toEqual(['good']);
    const research = await waitFor(
      async () => {
        const res = await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=research`, token);
        if (res.status !== 200) return null;
        const body = (await res.json()) as { observations: Observation[]; damaged: DamagedEntry[] };
        return body.damaged.length === 3 ? body : null;
      },
      { timeout: 10_000 },
    );
    expect(research.observations.map((o) => o.id)).toEqual(['o-good']);
  });
});
