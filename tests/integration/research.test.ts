import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, patchItem, readItems, type Item } from '../../shared/boardDoc';
import { putObservation, readCodebook, type Observation } from '../../shared/research/researchDoc';
import { createWorkshop, joinAs, synced, waitFor } from '../helpers/clients';
import { unzipWithPython, validateQde } from '../helpers/research';
import { workshopPerTest } from '../helpers/workshopPerTest';

const get = (url: string, path: string, token?: string) =>
  fetch(url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('research record over HTTP', () => {
  const room = workshopPerTest();
  const client = room.client;

  async function seed() {
    const a = await joinAs(room.server.url, room.w, 'Fatima Zwanenburg', 0, 'informal');
    const b = await joinAs(room.server.url, room.w, 'Gerrit Oosterhuis', 0, 'formal');
    const phone = client('board', a.token);
    const research = client('research', room.w.tokens.researcher);
    await Promise.all([synced(phone), synced(research)]);
    const t0 = Date.now();
    const item: Item = {
      id: 'i1',
      kind: 'note',
      sessionId: 'opening',
      groupId: room.w.groups[0]?.id ?? null,
      authorId: a.participantId,
      createdAt: t0,
      updatedAt: t0,
      text: 'Wij kennen de families 👨‍👩‍👧 écht',
    };
    phone.doc.transact(() => addItem(phone.doc, item));
    const obs: Observation = {
      id: 'o1',
      researcherName: 'Dr. Janssen',
      time: t0,
      sessionId: 'opening',
      groupId: item.groupId,
      speakers: [b.participantId],
      codes: ['condition:trust'],
      quote: true,
      text: 'Vertrouwen 🤝 komt te voet',
      links: ['i1'],
      createdAt: t0,
      updatedAt: t0,
    };
    research.doc.transact(() => putObservation(research.doc, obs));
    return { a, b, phone, research, item, obs };
  }

  it('seeds the codebook from the source when a workshop is created', async () => {
    const research = client('research', room.w.tokens.researcher);
    await synced(research);
    const codes = readCodebook(research.doc);
    expect(codes.map((c) => c.id)).toEqual(expect.arrayContaining(['strength:knowledge', 'perspective:civil-society']));
    expect(codes.find((c) => c.id === 'condition:trust')?.source).toMatch(/Ponzoni/);
  });

  it('lets only the facilitator and the researcher export; the key table is the facilitator’s', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const other = await createWorkshop(room.server.url, room.server.organiserKey);
    const path = `/api/workshops/${room.w.id}/export?format=json`;
    expect((await get(room.server.url, path)).status).toBe(401);
    expect((await get(room.server.url, path, 'nonsense')).status).toBe(401);
    expect((await get(room.server.url, path, a.token)).status).toBe(403);
    expect((await get(room.server.url, path, room.w.tokens.screen)).status).toBe(403);
    expect((await get(room.server.url, path, other.tokens.facilitator)).status).toBe(403);
    expect((await get(room.server.url, path, room.w.tokens.facilitator)).status).toBe(200);
    expect((await get(room.server.url, path, room.w.tokens.researcher)).status).toBe(200);
    const key = `/api/workshops/${room.w.id}/export?format=key`;
    expect((await get(room.server.url, key, room.w.tokens.researcher)).status).toBe(403);
    const keyRes = await get(room.server.url, key, room.w.tokens.facilitator);
    expect(keyRes.status).toBe(200);
    expect(await keyRes.text()).toContain('P01,Aïcha');
    expect(
      (await get(room.server.url, `/api/workshops/${room.w.id}/export?format=pdf`, room.w.tokens.facilitator)).status,
    ).toBe(400);
  });

  it('exports every format without a participant name, with provenance and a valid qdpx', async () => {
    const { phone, research } = await seed();
    await waitFor(async () => {
      const r = await get(room.server.url, `/api/workshops/${room.w.id}/export?format=json`, room.w.tokens.researcher);
      const j = (await r.json()) as { items: unknown[]; observations: unknown[] };
      return j.items.length === 1 && j.observations.length === 1;
    });
    phone.doc.transact(() => patchItem(phone.doc, 'i1', { text: 'Wij kennen de families 👨‍👩‍👧 écht goed' }, Date.now()));
    await waitFor(async () => {
      const r = await get(room.server.url, `/api/workshops/${room.w.id}/export?format=json`, room.w.tokens.facilitator);
      const j = (await r.json()) as { items: Array<{ provenance: { edits: number } }> };
      return j.items[0]?.provenance.edits === 1;
    });
    void research;
    const prov = (await (
      await get(room.server.url, `/api/workshops/${room.w.id}/provenance?doc=board`, room.w.tokens.researcher)
    ).json()) as { entries: Record<string, { createdBy: string; edits: number }> };
    expect(prov.entries.i1).toMatchObject({ createdBy: expect.stringMatching(/^participant:p/), edits: 1 });
    expect(
      (await get(room.server.url, `/api/workshops/${room.w.id}/provenance?doc=board`, room.w.tokens.screen)).status,
    ).toBe(403);
    const bodies: Record<string, string> = {};
    for (const f of ['json', 'csv', 'cases', 'md', 'html']) {
      const r = await get(room.server.url, `/api/workshops/${room.w.id}/export?format=${f}`, room.w.tokens.researcher);
      expect(r.status).toBe(200);
      // Decoded by hand, keeping the BOM that fetch's text() would swallow.
      bodies[f] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer());
    }
    const qdpx = Buffer.from(
      await (
        await get(room.server.url, `/api/workshops/${room.w.id}/export?format=qdpx`, room.w.tokens.researcher)
      ).arrayBuffer(),
    );
    const files = unzipWithPython(qdpx);
    Object.assign(bodies, files);
    for (const [name, body] of Object.entries(bodies)) {
      for (const n of ['Fatima', 'Zwanenburg', 'Gerrit', 'Oosterhuis', 'Janssen']) expect(body, name).not.toContain(n);
    }
    const json = JSON.parse(bodies.json ?? '{}') as {
      items: Array<Record<string, unknown>>;
      observations: Array<Record<string, unknown>>;
    };
    expect(json.items[0]).toMatchObject({
      author: 'P01',
      side: 'informal',
      provenance: { createdBy: 'P01', edits: 1 },
    });
    expect(json.observations[0]).toMatchObject({ researcher: 'R1', speakers: ['P02'], quote: true });
    expect(bodies.csv?.startsWith('\uFEFFrecord,id,time')).toBe(true);
    expect(bodies.cases).toContain('P01,Utrecht,informal');
    expect(bodies.md).toContain('P01: Wij kennen de families 👨‍👩‍👧 écht goed');
    expect(bodies.md).toContain('P02: Vertrouwen 🤝 komt te voet');
    expect(validateQde(files['project.qde'] ?? '')).toBeNull();
    // Re-exporting gives the same archive, byte for byte (stable GUIDs, fixed dates).
    const again = Buffer.from(
      await (
        await get(room.server.url, `/api/workshops/${room.w.id}/export?format=qdpx`, room.w.tokens.facilitator)
      ).arrayBuffer(),
    );
    expect(again.equals(qdpx)).toBe(true);
  });

  it('replays the board as it was at a chosen moment', async () => {
    const { phone } = await seed();
    const first = await waitFor(async () => {
      const r = await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board`, room.w.tokens.researcher);
      const j = (await r.json()) as { items: Item[]; to: number };
      return j.items.length === 1 ? j : null;
    });
    // A moment strictly after the first item was stored; the second item comes later.
    await waitFor(() => Date.now() > first.to + 5);
    const t1 = Date.now();
    await waitFor(() => Date.now() > t1 + 5);
    phone.doc.transact(() =>
      addItem(phone.doc, { ...readItems(phone.doc)[0]!, id: 'i2', text: 'Later geschreven', createdAt: Date.now() }),
    );
    await waitFor(async () => {
      const r = await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board`, room.w.tokens.facilitator);
      return ((await r.json()) as { items: Item[] }).items.length === 2;
    });
    const past = (await (
      await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board&at=${t1}`, room.w.tokens.researcher)
    ).json()) as {
      items: Item[];
    };
    expect(past.items.map((i) => i.id)).toEqual(['i1']);
    const before = (await (
      await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board&at=0`, room.w.tokens.researcher)
    ).json()) as {
      items: Item[];
    };
    expect(before.items).toEqual([]);
    const control = (await (
      await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=control&at=${t1}`, room.w.tokens.researcher)
    ).json()) as {
      control: { participants: unknown[] };
    };
    expect(control.control.participants).toHaveLength(2);
    expect(
      (await get(room.server.url, `/api/workshops/${room.w.id}/replay?doc=board`, room.w.tokens.screen)).status,
    ).toBe(403);
    void Y;
  });
});
