import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putObservation, readObservations, type Observation } from '../../shared/research/researchDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { api, createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { parseCsv } from '../helpers/research';
import { startServer, type TestServer } from '../helpers/startServer';

/** Researchers' pseudonyms are stored once and kept: an erasure that removes one researcher's notes renumbers no one. */
describe('researchers’ pseudonyms', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: YClient[] = [];
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
  });
  const download = async (format: string, token: string) => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return (await res.text()).replace(/^\uFEFF/, '');
  };
  const researchersInKey = async () =>
    new Map(
      parseCsv(await download('key', w.tokens.facilitator))
        .slice(1)
        .filter((r) => (r[0] ?? '').startsWith('R'))
        .map((r) => [r[1] ?? '', r[0] ?? '']),
    );

  it('are stored at first use and stay the same after an erasure removed a researcher’s only notes', async () => {
    const anouk = await joinAs(server.url, w, 'Anouk Bakker');
    const bram = await joinAs(server.url, w, 'Bram Hoekstra');
    const research = yClient(server.url, w.id, 'research', w.tokens.researcher);
    open.push(research);
    await synced(research);
    const t = Date.now();
    const note = (id: string, researcherName: string, speakers: string[], quote: boolean, at: number): Observation => ({
      id,
      researcherName,
      time: at,
      sessionId: 'opening',
      groupId: null,
      speakers,
      codes: [],
      quote,
      text: `notitie ${id}`,
      links: [],
      createdAt: at,
      updatedAt: at,
    });
    research.doc.transact(() => {
      putObservation(research.doc, note('o1', 'Marieke Visser', [anouk.participantId], false, t));
      // Jan's only note quotes Bram: the erasure removes it.
      putObservation(research.doc, note('o2', 'Jan de Vries', [bram.participantId], true, t + 1));
      putObservation(research.doc, note('o3', 'Eva Smit', [], false, t + 2));
    });
    await waitFor(() => readObservations(research.doc).length === 3);

    const before = await researchersInKey();
    expect([...before]).toEqual([
      ['Marieke Visser', 'R1'],
      ['Jan de Vries', 'R2'],
      ['Eva Smit', 'R3'],
    ]);
    const erased = await api(server.url, `/api/workshops/${w.id}/participants/${bram.participantId}/erase`, {
      method: 'POST',
      token: w.tokens.facilitator,
    });
    expect(erased.status).toBe(200);

    // Eva stays R3 (computed per export she would become R2, and R2 would mean two people in two exports).
    const json = JSON.parse(await download('json', w.tokens.researcher)) as {
      observations: Array<{ id: string; researcher: string }>;
      researchers: Array<{ pseudonym: string }>;
    };
    expect(json.observations.map((o) => [o.id, o.researcher])).toEqual([
      ['o1', 'R1'],
      ['o3', 'R3'],
    ]);
    expect(json.researchers).toEqual([{ pseudonym: 'R1' }, { pseudonym: 'R3' }]);
    const after = await researchersInKey();
    expect(after.get('Marieke Visser')).toBe('R1');
    expect(after.get('Eva Smit')).toBe('R3');
    // Jan, writing again, is R2 again: a pseudonym belongs to the name it was given to.
    const again = yClient(server.url, w.id, 'research', w.tokens.researcher);
    open.push(again);
    await synced(again);
    again.doc.transact(() => putObservation(again.doc, note('o4', 'Jan de Vries', [], false, t + 3)));
    await waitFor(() => readObservations(again.doc).length === 3);
    const later = JSON.parse(await download('json', w.tokens.researcher)) as {
      observations: Array<{ id: string; researcher: string }>;
    };
    expect(later.observations.find((o) => o.id === 'o4')?.researcher).toBe('R2');
  });
});
