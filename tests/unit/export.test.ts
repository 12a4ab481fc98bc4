import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, patchItem, type Item } from '../../shared/boardDoc';
import { itemExportText } from '../../shared/exercises/registry';
import { DEFAULT_CODEBOOK } from '../../shared/research/codebook';
import type { Observation } from '../../shared/research/researchDoc';
import { DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../../shared/template';
import { BOM, casesCsv, csvField, CSV_COLUMNS, recordCsv } from '../../server/export/csv';
import { stableGuid } from '../../server/export/guid';
import { buildModel, type RawRecord } from '../../server/export/model';
import { provenanceOf } from '../../server/export/provenance';
import { buildQdpx, buildQdpxFiles } from '../../server/export/qdpx';
import { htmlTranscript, markdownTranscript } from '../../server/export/transcript';
import { crc32, zip } from '../../server/export/zip';
import { parseCsv, unzipWithPython, validateQde } from '../helpers/research';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const G1 = 'gUtrecht';
const G2 = 'gZaandam';

const item = (id: string, authorId: string | null, text: string, min: number, extra: Partial<Item> = {}): Item => ({
  id,
  kind: 'note',
  sessionId: 'pitch',
  groupId: G1,
  authorId,
  createdAt: T0 + min * 60_000,
  updatedAt: T0 + min * 60_000,
  text,
  ...extra,
});

const obs = (id: string, patch: Partial<Observation>): Observation => ({
  id,
  researcherName: 'Marjolein de Onderzoeker',
  time: T0 + 5 * 60_000,
  sessionId: 'pitch',
  groupId: G1,
  speakers: [],
  codes: [],
  quote: false,
  text: 'Notitie',
  links: [],
  createdAt: T0 + 5 * 60_000,
  updatedAt: T0 + 5 * 60_000,
  ...patch,
});

/** A small workshop with emoji, accents, CJK, quotes and commas, and names typed into free text. */
function fixture(): RawRecord {
  return {
    workshopId: 'wTest',
    meta: {
      title: 'Werkplaats, "test"',
      joinCode: 'ACDEFG',
      joinOpen: true,
      consentText: { nl: 'x', en: 'x' },
      source: TEMPLATE_SOURCE,
      createdAt: T0,
    },
    programme: DEFAULT_PROGRAMME,
    groups: [
      { id: G1, name: 'Utrecht', order: 0 },
      { id: G2, name: 'Zaandam', order: 1 },
    ],
    workGroups: [{ id: 'mix-1', name: 'Groep 1', members: ['pA', 'pB'] }],
    participants: [
      { id: 'pB', name: 'Bram Oudshoorn', groupId: G2, side: 'formal', joinedAt: T0 + 2 },
      {
        id: 'pA',
        name: 'Aïcha El Idrissi',
        groupId: G1,
        side: 'informal',
        joinedAt: T0 + 1,
        consentAt: T0 + 1,
        consentVersion: 2,
      },
    ],
    items: [
      item('i1', 'pA', 'Wij kennen de families 👨‍👩‍👧‍👦 écht, "goed"', 1),
      item('i2', 'pB', 'Regels\nen "protocollen", 日本語 ok', 2, { groupId: G2 }),
      item('i3', 'pA', 'Ik sprak met Bram en met aïcha over vertrouwen', 3, { hidden: true }),
      item('i4', null, 'Anoniem antwoord 🙈', 4, { sessionId: 'kader', groupId: null }),
      item('i6', 'pB', 'Wortels: structurele financiering', 8, { sessionId: 'boom', groupId: 'mix-1' }),
      { ...item('i5', 'pA', '', 6), text: undefined, kind: 'treeApple', zone: 'roots', owner: 'pA' },
    ],
    observations: [
      obs('o1', {
        speakers: ['pA'],
        quote: true,
        text: 'Vertrouwen 🤝 komt te voet, zei ze',
        codes: ['condition:trust'],
        links: ['i1'],
      }),
      obs('o2', {
        researcherName: 'Piet Tweede',
        codes: ['perspective:civil-society', 'strength:knowledge'],
        text: 'Aïcha en Bram\r\nzoeken elkaar op 👍',
      }),
      obs('o3', {
        codes: [],
        text: 'Alleen een notitie zonder codes',
        time: T0 + 7 * 60_000,
        createdAt: T0 + 7 * 60_000,
      }),
    ],
    codebook: DEFAULT_CODEBOOK,
    itemProvenance: new Map(),
    damaged: [],
    observationProvenance: new Map(),
  };
}

const NAMES = ['Aïcha', 'aïcha', 'Idrissi', 'Bram', 'Oudshoorn', 'Marjolein', 'Onderzoeker', 'Piet', 'Tweede'];

describe('CSV', () => {
  it('quotes as RFC 4180 says and starts with a BOM', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField(null)).toBe('');
    const csv = recordCsv(buildModel(fixture()));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips: every item and observation once, equal to the JSON content', () => {
    const m = buildModel(fixture());
    const rows = parseCsv(recordCsv(m).slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i] ?? ''])));
    expect(body).toHaveLength(m.items.length + m.observations.length);
    for (const i of m.items) {
      const row = body.filter((r) => r.id === i.id);
      expect(row).toHaveLength(1);
      expect(row[0]).toMatchObject({
        record: 'contribution',
        text: i.text,
        author: i.author,
        time: i.createdAt,
        kind: i.kind,
      });
    }
    for (const o of m.observations) {
      const row = body.filter((r) => r.id === o.id);
      expect(row).toHaveLength(1);
      expect(row[0]).toMatchObject({
        record: 'observation',
        text: o.text,
        author: o.researcher,
        speakers: o.speakers.join('; '),
      });
    }
  });

  it('writes the cases sheet as an NVivo classification sheet', () => {
    const rows = parseCsv(casesCsv(buildModel(fixture())).slice(1));
    expect(rows).toEqual([
      ['Case', 'cooperation', 'side', 'consentVersion', 'consentAt'],
      ['P01', 'Utrecht', 'informal', '2', new Date(T0 + 1).toISOString()],
      ['P02', 'Zaandam', 'formal', '', ''],
    ]);
  });
});

describe('pseudonymisation', () => {
  it('numbers participants by join order and researchers by first note', () => {
    const m = buildModel(fixture());
    expect(m.participants.map((p) => p.pseudonym)).toEqual(['P01', 'P02']);
    expect(m.items.find((i) => i.id === 'i1')?.author).toBe('P01');
    expect(m.items.find((i) => i.id === 'i4')?.author).toBe('anonymous');
    expect(m.observations.map((o) => o.researcher)).toEqual(['R1', 'R2', 'R1']);
    expect(m.items.find((i) => i.id === 'i5')?.fields).toMatchObject({ owner: 'P01' });
    expect(m.items.find((i) => i.id === 'i5')?.text).toBe('zone: roots · owner: P01');
  });

  it('leaves no participant or researcher name in any format, not even typed into free text', () => {
    const m = buildModel(fixture());
    const { projectXml, sources } = buildQdpxFiles(m);
    const outputs = {
      json: JSON.stringify(m),
      csv: recordCsv(m),
      cases: casesCsv(m),
      md: markdownTranscript(m),
      html: htmlTranscript(m),
      qde: projectXml,
      ...Object.fromEntries(sources.map((s) => [s.name, s.text])),
    };
    for (const [format, body] of Object.entries(outputs)) {
      for (const n of NAMES) expect(body, `${format} holds ${n}`).not.toContain(n);
    }
    expect(m.items.find((i) => i.id === 'i3')?.text).toBe('Ik sprak met P02 en met P01 over vertrouwen');
  });
});

describe('transcripts', () => {
  it('go day → session → group, one `P01: text` turn per paragraph, every contribution included', () => {
    const md = markdownTranscript(buildModel(fixture()));
    expect(md.indexOf('## Dag 1')).toBeLessThan(md.indexOf('### Pitch'));
    expect(md.indexOf('### Pitch')).toBeLessThan(md.indexOf('### Kader'));
    expect(md.indexOf('#### Utrecht')).toBeLessThan(md.indexOf('#### Zaandam'));
    expect(md).toContain('P01: Wij kennen de families 👨‍👩‍👧‍👦 écht, "goed"');
    expect(md).toContain('P02: Regels en "protocollen", 日本語 ok');
    expect(md).toContain('anonymous: Anoniem antwoord 🙈');
    // A group an exercise formed is named as the exercise named it.
    expect(md).toContain('#### Groep 1\n\nP02: Wortels: structurele financiering');
    expect(md).toContain('P01: Vertrouwen 🤝 komt te voet, zei ze');
    const html = htmlTranscript(buildModel(fixture()));
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('P01: <span dir="auto">Wij kennen de families');
    expect(html).toContain('Tijden in Europe/Amsterdam');
  });
});

describe('pictures in the HTML transcript', () => {
  it('shows an item’s picture when it is carried in the file, never one from elsewhere', () => {
    const m = buildModel(fixture());
    m.items[0]!.image = 'data:image/png;base64,iVBORw0KGgo=';
    m.items[1]!.image = 'https://example.org/tracker.png';
    const html = htmlTranscript(m);
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('example.org');
  });
});

describe('qdpx', () => {
  it('validates against Project.xsd', () => {
    expect(validateQde(buildQdpxFiles(buildModel(fixture())).projectXml)).toBeNull();
  });

  it('puts coded selections at the right code-point offsets, emoji and accents included', () => {
    const m = buildModel(fixture());
    const { projectXml, sources } = buildQdpxFiles(m);
    const text = new Map(sources.map((s) => [s.name.replace(/^sources\/|\.txt$/g, ''), s.text]));
    const sourceRe = /<TextSource guid="([^"]+)"[^>]*>(.*?)<\/TextSource>/gs;
    const coded: string[] = [];
    for (const [, guid, inner] of projectXml.matchAll(sourceRe)) {
      const src = [...(text.get(guid ?? '') ?? '')];
      for (const sel of (inner ?? '').matchAll(
        /<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"[^>]*>(.*?)<\/PlainTextSelection>/gs,
      )) {
        // Turn selections (named after their speaker) carry the speaker's code; here only the researchers' codings.
        if (!sel[3]?.includes('<Coding') || /name="P\d+"/.test(sel[0])) continue;
        coded.push(src.slice(Number(sel[1]), Number(sel[2])).join(''));
      }
    }
    expect(coded.sort()).toEqual(
      ['Vertrouwen 🤝 komt te voet, zei ze', 'Wij kennen de families 👨‍👩‍👧‍👦 écht, "goed"'].sort(),
    );
    // An unlinked coded note is a memo of its own (its text in a file of the archive), coded on its own text, CR LF
    // read as LF.
    const note =
      /<Note [^>]*plainTextPath="internal:\/\/([^"]+)"><Description>[^<]*<\/Description><PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"[^>]*><Coding/s.exec(
        projectXml,
      );
    const noteFile = sources.find((f) => f.name === `sources/${note?.[1]}`)?.text;
    expect(noteFile).toBe('P01 en P02\nzoeken elkaar op 👍');
    expect(Number(note?.[3]) - Number(note?.[2])).toBe([...'P01 en P02\nzoeken elkaar op 👍'].length);
  });

  it('has stable GUIDs: a re-export is byte-identical', () => {
    const a = buildQdpx(buildModel(fixture()));
    const b = buildQdpx(buildModel(fixture()));
    expect(a.equals(b)).toBe(true);
    expect(stableGuid('x')).toBe(stableGuid('x'));
    expect(stableGuid('x')).not.toBe(stableGuid('y'));
    expect(stableGuid('wTest/code/condition:trust')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is a zip that Python and unzip read, with project.qde and sources/', () => {
    const qdpx = buildQdpx(buildModel(fixture()));
    const files = unzipWithPython(qdpx);
    expect(Object.keys(files)).toContain('project.qde');
    // Four transcripts and the two notes that are memos of their own.
    expect(Object.keys(files).filter((n) => n.startsWith('sources/')).length).toBe(6);
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-unzip-'));
    writeFileSync(path.join(dir, 'p.qdpx'), qdpx);
    expect(execFileSync('unzip', ['-t', path.join(dir, 'p.qdpx')], { encoding: 'utf8' })).toContain('No errors');
  });
});

describe('zip and crc32', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('stores UTF-8 names', () => {
    const z = zip([{ name: 'bron/één 🌳.txt', data: new TextEncoder().encode('boom') }], T0);
    expect(unzipWithPython(z)).toEqual({ 'bron/één 🌳.txt': 'boom' });
  });
});

describe('provenance from the log', () => {
  it('knows who created an item, and how often and by whom it was edited', () => {
    const a = new Y.Doc();
    const log: Array<{ seq: number; ts: number; actor: string; data: Uint8Array }> = [];
    let actor = 'participant:pA';
    a.on('update', (u: Uint8Array) => log.push({ seq: log.length + 1, ts: T0 + log.length, actor, data: u }));
    a.transact(() => addItem(a, item('i1', 'pA', 'eerst', 1)));
    a.transact(() => addItem(a, item('i2', 'pB', 'ander', 1)));
    patchItem(a, 'i1', { text: 'daarna' }, T0);
    actor = 'facilitator';
    patchItem(a, 'i1', { hidden: true }, T0);
    const p = provenanceOf(log, 'items');
    expect(p.get('i1')).toMatchObject({
      createdBy: 'participant:pA',
      edits: 2,
      editors: ['participant:pA', 'facilitator'],
    });
    expect(p.get('i2')).toMatchObject({ edits: 0 });
  });
});

describe('export text hook', () => {
  it('falls back to the text, then to the own fields as a readable line', () => {
    expect(itemExportText(item('i1', 'pA', 'hallo', 0))).toBe('hallo');
    const { text: _t, ...noText } = item('i2', 'pA', '', 0);
    expect(
      itemExportText({ ...noText, kind: 'pick', roleId: 'driver', why: 'Zij kent iedereen', editableBy: 'group' }),
    ).toBe('roleId: driver · why: Zij kent iedereen');
    const stroke = { ...noText, kind: 'someStroke', points: Array.from({ length: 400 }, (_, i) => i), colour: '#000' };
    expect(itemExportText(stroke)).toBe('points: [400 items] · colour: #000');
  });
});
