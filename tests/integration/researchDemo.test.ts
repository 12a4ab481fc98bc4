import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItems } from '../../shared/boardDoc';
import { readParticipants } from '../../shared/controlDoc';
import { putObservation, type Observation } from '../../shared/research/researchDoc';
import { seedDemo, type DemoResult } from '../../scripts/demoSeed';
import { CSV_COLUMNS } from '../../server/export/csv';
import type { ExportModel } from '../../server/export/model';
import { synced, waitFor, yClient } from '../helpers/clients';
import { hasWord, parseCsv, unzipWithPython, validateQde } from '../helpers/research';
import { startServer, type TestServer } from '../helpers/startServer';

/** The exports of the demo workshop: complete, consistent across formats, and without names. */
describe('research record of the demo workshop', () => {
  let server: TestServer;
  let demo: DemoResult;
  const bodies: Record<string, Buffer> = {};
  let names: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    demo = await seedDemo(server.url, server.organiserKey);
    const w = demo.workshop;
    // The facilitator's control document: a researcher's holds pseudonyms only (server/export/controlView.ts).
    const control = yClient(server.url, w.id, 'control', w.tokens.facilitator);
    const board = yClient(server.url, w.id, 'board', w.tokens.researcher);
    const research = yClient(server.url, w.id, 'research', w.tokens.researcher);
    await Promise.all([control, board, research].map(synced));
    const people = readParticipants(control.doc);
    names = people.map((p) => p.name);
    const items = readItems(board.doc);
    // Two researchers observe: a coded quote linked to an item, and a plain note naming people.
    const o = (id: string, patch: Partial<Observation>): Observation => ({
      id,
      researcherName: 'Onderzoeker Een',
      time: Date.now(),
      sessionId: 'opening',
      groupId: w.groups[0]?.id ?? null,
      speakers: [],
      codes: [],
      quote: false,
      text: 'x',
      links: [],
      createdAt: Date.now(),
      updatedAt: Date.now(),
      ...patch,
    });
    const first = items.find((i) => i.sessionId === 'pitch') ?? items[0];
    research.doc.transact(() => {
      putObservation(
        research.doc,
        o('obs1', {
          speakers: [people[0]!.id],
          quote: true,
          codes: ['condition:trust', 'strength:position'],
          links: first ? [first.id] : [],
          text: 'We moeten elkaar écht leren kennen 🙂',
        }),
      );
      putObservation(
        research.doc,
        o('obs2', {
          researcherName: 'Onderzoeker Twee',
          text: `${names[1]} en ${names[2]} zoeken elkaar op`,
          codes: ['form:consultation'],
        }),
      );
    });
    for (const c of [control, board, research]) c.destroy();
    for (const f of ['json', 'csv', 'cases', 'md', 'html', 'qdpx']) {
      const fetchIt = () =>
        fetch(`${server.url}/api/workshops/${w.id}/export?format=${f}`, {
          headers: { authorization: `Bearer ${w.tokens.researcher}` },
        });
      if (f === 'json') {
        await waitFor(async () => ((await (await fetchIt()).json()) as ExportModel).observations.length === 2);
      }
      bodies[f] = Buffer.from(await (await fetchIt()).arrayBuffer());
    }
  }, 60_000);
  afterAll(() => server.close());

  it('has every item and observation exactly once in json and csv, and the csv equals the json', () => {
    const m = JSON.parse(bodies.json!.toString('utf8')) as ExportModel;
    expect(m.items).toHaveLength(demo.itemCount);
    expect(new Set(m.items.map((i) => i.id)).size).toBe(demo.itemCount);
    expect(m.observations).toHaveLength(2);
    const rows = parseCsv(bodies.csv!.toString('utf8').replace(/^\uFEFF/, ''));
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i] ?? ''])));
    expect(records).toHaveLength(m.items.length + m.observations.length);
    for (const i of m.items) {
      const found = records.filter((r) => r.id === i.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        // A text a spreadsheet would run as a formula ("+1 op …") starts with a quote in the CSV (OWASP).
        text: /^[=+\-@\t\r]/.test(i.text) ? `'${i.text}` : i.text,
        author: i.author,
        side: i.side ?? '',
        kind: i.kind,
        time: i.createdAt,
      });
    }
    for (const o of m.observations) expect(records.filter((r) => r.id === o.id)).toHaveLength(1);
  });

  it('has every contribution in the transcripts, in its group and session', () => {
    const m = JSON.parse(bodies.json!.toString('utf8')) as ExportModel;
    const md = bodies.md!.toString('utf8');
    for (const i of m.items) {
      // A person's pen strokes in a part are one turn: their drawing.
      const text = i.kind === 'visionStroke' ? 'tekent aan de tekening (' : i.text;
      const line = `${i.author}: ${text.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`;
      const escaped = line.replace(/([\\`*_[\]<>#|])/g, '\\$1');
      expect(md.includes(line) || md.includes(escaped), line).toBe(true);
    }
  });

  it('shows the drawings of the vision as SVG pictures in the HTML transcript', () => {
    const m = JSON.parse(bodies.json!.toString('utf8')) as ExportModel;
    const strokes = m.items.filter((i) => i.kind === 'visionStroke' && i.fields.colour !== 'eraser');
    expect(strokes.length).toBeGreaterThan(0);
    for (const i of strokes) expect(i.image).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    const html = bodies.html!.toString('utf8');
    expect(html).toContain('<figure><img src="data:image/svg+xml;charset=utf-8,%3Csvg');
    expect(html).toContain('tekent aan de tekening (');
  });

  it('exports a qdpx that validates, and no participant or researcher name in any format', () => {
    const files = unzipWithPython(bodies.qdpx!);
    expect(validateQde(files['project.qde'] ?? '')).toBeNull();
    const texts = { ...Object.fromEntries(Object.entries(bodies).map(([k, v]) => [k, v.toString('utf8')])), ...files };
    // The HTML's style sheet says max-width, which is no one's name; what a reader sees is what counts.
    texts.html = (texts.html ?? '').replace(/<style>[\s\S]*?<\/style>/, '');
    for (const [format, text] of Object.entries(texts)) {
      for (const n of [...names, 'Onderzoeker Een', 'Onderzoeker Twee'])
        expect(hasWord(text, n), `${n} in ${format}`).toBe(false);
    }
  });
});
