import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem, readItems, type Item } from '../../shared/boardDoc';
import { putObservation, readObservations, type Observation } from '../../shared/research/researchDoc';
import { foldName } from '../../server/export/names';
import { api, joinAs, synced, waitFor } from '../helpers/clients';
import { parseCsv, unzipWithPython, validateQde } from '../helpers/research';
import { postUpload } from '../helpers/uploads';
import { workshopPerTest } from '../helpers/workshopPerTest';

/** The people of the ground-truth workshop, in join order; Bram is erased half-way. */
const ANOUK = 'Anouk Bakker';
const BRAM = 'Bram Hoekstra';
const ZOE = 'Zoë Verhoeven'; // NFC
const SUKRU = 'Şükrü Doğan';
const YUSUF = 'يوسف العلي';
const RESEARCHER = 'Marieke Visser';
const PEOPLE = [ANOUK, BRAM, ZOE, SUKRU, YUSUF, RESEARCHER];

/** A JPEG with an APP1 Exif segment holding a GPS position and an artist, built by hand. */
function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPSLatitude 52.3702 Artist Zoe')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
  const jfif = Buffer.concat([
    Buffer.from([0xff, 0xe0, 0, 16]),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
  ]);
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 8]), Buffer.from('Bakker')]);
  const scan = Buffer.from([0xff, 0xda, 0, 2, 0x11, 0x22, 0x33, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, app1, com, scan]);
}

/** Every word (3+ letters, no particle) of a name, folded: what must not appear in a folded export. */
const nameParts = (name: string) =>
  foldName(name)
    .split(/[\s\-']+/)
    .filter((p) => [...p].length >= 3);

/** The real names (in any form: NFC, NFD, any case, without diacritics) found in a text. */
function realNamesIn(text: string): string[] {
  const folded = foldName(text);
  return PEOPLE.flatMap((n) =>
    nameParts(n).filter((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`, 'u').test(folded)),
  );
}

/** Reads a QDPX project with Python's ElementTree (not the writer's own code): every element's text and attribute. */
function pythonXmlStrings(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-gt-'));
  const file = path.join(dir, 'project.qde');
  writeFileSync(file, xml);
  const script =
    'import sys, xml.etree.ElementTree as ET\nr = ET.parse(sys.argv[1]).getroot()\n' +
    'print("\\n".join([(e.text or "") + " " + " ".join(e.attrib.values()) for e in r.iter()]))';
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('the research record against a ground-truth workshop', () => {
  const room = workshopPerTest();
  const client = room.client;

  const item = (id: string, authorId: string, text: string, extra: Record<string, unknown> = {}): Item => ({
    id,
    kind: 'note',
    sessionId: 'opening',
    groupId: room.w.groups[0]?.id ?? null,
    authorId,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    text,
    ...extra,
  });
  const observation = (id: string, speakers: string[], text: string, quote: boolean): Observation => {
    const t = Date.now();
    return {
      id,
      researcherName: RESEARCHER,
      time: t,
      sessionId: 'opening',
      groupId: null,
      speakers,
      codes: [],
      quote,
      text,
      links: [],
      createdAt: t,
      updatedAt: t,
    };
  };
  const download = async (format: string, token = room.w.tokens.facilitator): Promise<Buffer> => {
    const res = await fetch(`${room.server.url}/api/workshops/${room.w.id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  /** The key table: pseudonym per real name (the facilitator's alone). */
  const key = async (): Promise<Map<string, string>> => {
    const rows = parseCsv((await download('key')).toString('utf8').replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const [pi, ni] = [
      header.findIndex((h) => /pseudonym|case/i.test(h)),
      header.findIndex((h) => /name|naam/i.test(h)),
    ];
    const pairs = rows.slice(1).map((r) => [r[ni] ?? '', r[pi] ?? ''] as [string, string]);
    expect(pairs.filter(([, p]) => p.startsWith('R'))).toEqual([[RESEARCHER, 'R1']]);
    return new Map(pairs.filter(([, p]) => p.startsWith('P')));
  };

  it('holds each contribution once, no real name in any form, stable pseudonyms and no photo metadata', async () => {
    const [anouk, bram, zoe, sukru, yusuf] = [
      await joinAs(room.server.url, room.w, ANOUK),
      await joinAs(room.server.url, room.w, BRAM),
      await joinAs(room.server.url, room.w, ZOE.normalize('NFD'), 1),
      await joinAs(room.server.url, room.w, SUKRU, 1, 'informal'),
      await joinAs(room.server.url, room.w, YUSUF, 0, 'informal'),
    ];
    const board = client('board', room.w.tokens.facilitator);
    const research = client('research', room.w.tokens.researcher);
    await Promise.all([synced(board), synced(research)]);
    const photo = `data:image/jpeg;base64,${jpegWithExif().toString('base64')}`;
    board.doc.transact(() => {
      addItem(board.doc, item('i1', anouk.participantId, 'Bram Hoekstra zei iets moois.'));
      addItem(
        board.doc,
        item('i2x7k9q', anouk.participantId, `Ik sprak met ${'Zoë'.normalize('NFD')}, ZOE en Sukru Dogan.`),
      );
      addItem(board.doc, item('i3', bram.participantId, 'Mijn eigen idee over de wijk'));
      addItem(board.doc, item('i4', zoe.participantId, '=HYPERLINK("http://x.example","klik")'));
      addItem(board.doc, item('i5', sukru.participantId, `voor ${bram.participantId}: Bram hoort als eerste`));
      addItem(board.doc, item('i6', yusuf.participantId, 'قال يوسف العلي: نحتاج إلى مكان'));
      addItem(board.doc, item('i8', yusuf.participantId, '', { kind: 'plusOne', targetId: 'i2x7k9q' }));
      addItem(
        board.doc,
        item('i7', zoe.participantId, 'Onze pitch', {
          kind: 'pitch',
          keywords: [],
          editableBy: 'group',
          photo,
        }),
      );
    });
    research.doc.transact(() => {
      putObservation(research.doc, observation('o1', [bram.participantId], 'wij willen meer ruimte', true));
      putObservation(
        research.doc,
        observation(
          'o2',
          [anouk.participantId, bram.participantId],
          'Bram en Anouk discussiëren; Marieke noteert',
          false,
        ),
      );
    });
    await waitFor(() => readItems(board.doc).length === 8 && readObservations(research.doc).length === 2);

    // A photo upload with EXIF GPS is stored without it.
    const up = await postUpload(room.server.url, room.w.id, jpegWithExif(), zoe.token, 'application/octet-stream');
    expect(up.status).toBe(201);
    const { uploadId } = (await up.json()) as { uploadId: string };
    const stored = Buffer.from(
      await (
        await fetch(`${room.server.url}/api/workshops/${room.w.id}/uploads/${uploadId}`, {
          headers: { authorization: `Bearer ${room.w.tokens.facilitator}` },
        })
      ).arrayBuffer(),
    );
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('GPS')).toBe(false);
    expect(stored.includes(Buffer.from([0xff, 0xda, 0, 2, 0x11, 0x22, 0x33]))).toBe(true);
    // The photo of Zoë's cooperation's paper drawing is part of the record.
    board.doc.transact(() =>
      addItem(
        board.doc,
        item('i9', zoe.participantId, '', {
          kind: 'visionPhoto',
          sessionId: 'visie',
          groupId: room.w.groups[1]?.id ?? null,
          uploadId,
          mime: 'image/jpeg',
          caption: 'onze tekening',
        }),
      ),
    );
    await waitFor(() => readItems(board.doc).length === 9);

    const before = await key();
    expect(before.size).toBe(5);

    const erased = await api(room.server.url, `/api/workshops/${room.w.id}/participants/${bram.participantId}/erase`, {
      method: 'POST',
      token: room.w.tokens.facilitator,
    });
    expect(erased.status).toBe(200);

    // Pseudonyms are stable: everyone keeps theirs; Bram's number is not reused.
    const after = await key();
    expect([...after.keys()].map((n) => n.normalize('NFC')).sort()).toEqual([ANOUK, SUKRU, YUSUF, ZOE].sort());
    for (const [name, pseudo] of after) expect(before.get(name)).toBe(pseudo);
    const bramAlias = before.get(BRAM) ?? '';
    expect(bramAlias).toMatch(/^P\d+$/);
    expect([...after.values()]).not.toContain(bramAlias);

    // JSON: each remaining contribution exactly once, Bram's gone, his quoted words gone, names replaced.
    const json = JSON.parse((await download('json', room.w.tokens.researcher)).toString('utf8')) as {
      items: Array<{
        id: string;
        text: string;
        image: string | null;
        upload: string | null;
        author: string;
        fields: { photo?: string };
      }>;
      observations: Array<{ id: string; text: string; researcher: string; provenance: { edits: number } }>;
    };
    expect(json.items.map((i) => i.id).sort()).toEqual(['i1', 'i2x7k9q', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9']);
    const text = (id: string) => json.items.find((i) => i.id === id)?.text;
    expect(text('i1')).toBe(`${bramAlias} zei iets moois.`);
    // A +1 names the note it is for, not its id.
    expect(text('i8')).toBe(`+1 op kracht “${text('i2x7k9q')}”`);
    expect(text('i2x7k9q')).toBe(
      `Ik sprak met ${after.get(ZOE.normalize('NFD')) ?? after.get(ZOE)}, ${after.get(ZOE.normalize('NFD')) ?? after.get(ZOE)} en ${after.get(SUKRU)}.`,
    );
    expect(text('i5')).not.toContain(bram.participantId);
    expect(text('i5')).toContain(bramAlias);
    expect(json.observations.map((o) => o.id)).toEqual(['o2']);
    expect(json.observations[0]?.researcher).toBe('R1');
    expect(json.observations[0]?.text).toBe(`${bramAlias} en ${after.get(ANOUK)} discussiëren; R1 noteert`);
    // The erasure invented no edit.
    expect(json.observations[0]?.provenance.edits).toBe(0);
    const pitch = json.items.find((i) => i.id === 'i7');
    expect(pitch?.image).toMatch(/^data:image\/jpeg;base64,/);
    const exported = Buffer.from((pitch?.image ?? '').split(',')[1] ?? '', 'base64');
    expect(exported.includes('Exif') || exported.includes('GPS')).toBe(false);
    expect(pitch?.fields.photo).toBe(pitch?.image);
    // The vision photo is in the JSON as a picture, its bytes without EXIF (read from the image, not the text).
    const drawing = json.items.find((i) => i.id === 'i9');
    expect(drawing?.upload).toBe(uploadId);
    expect(drawing?.text).toBe('foto van de tekening: onze tekening');
    expect(drawing?.image).toMatch(/^data:image\/jpeg;base64,/);
    const drawingBytes = Buffer.from((drawing?.image ?? '').split(',')[1] ?? '', 'base64');
    expect(drawingBytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(drawingBytes.includes('Exif') || drawingBytes.includes('GPS') || drawingBytes.includes('Artist')).toBe(
      false,
    );
    expect(drawingBytes.includes(Buffer.from([0xff, 0xda, 0, 2, 0x11, 0x22, 0x33]))).toBe(true);

    // Every default format and the researcher's replay: no real name, in any form; no photo metadata.
    const formats = ['json', 'csv', 'cases', 'md', 'html'];
    const texts: Record<string, string> = {};
    for (const f of formats) texts[f] = (await download(f, room.w.tokens.researcher)).toString('utf8');
    const files = unzipWithPython(await download('qdpx', room.w.tokens.researcher));
    const project = files['project.qde'] ?? '';
    expect(validateQde(project)).toBeNull();
    texts.qdpx = Object.values(files).join('\n');
    // The QDPX holds the photos as picture sources, each image file in the archive, without EXIF.
    const pictureFiles = Object.entries(files).filter(([n]) => /^sources\/.+\.jpg$/.test(n));
    expect(pictureFiles).toHaveLength(2);
    for (const [name, content] of pictureFiles) {
      expect(project).toContain(`path="internal://${name.slice('sources/'.length)}"`);
      expect(content.startsWith('base64:')).toBe(true);
      const bytes = Buffer.from(content.slice('base64:'.length), 'base64');
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(bytes.includes('Exif') || bytes.includes('GPS') || bytes.includes('Artist')).toBe(false);
    }
    expect(project.match(/<PictureSource /g)).toHaveLength(2);
    texts.qdpxPython = pythonXmlStrings(project);
    // The focus-group transcripts (one file per group per session) hold no name either.
    texts.maxqda = Object.values(unzipWithPython(await download('maxqda', room.w.tokens.researcher))).join('\n');
    expect(texts.maxqda).toMatch(/: .+ \(\d\d:\d\d [+-]\d\d:\d\d\)\r\n/);
    for (const doc of ['board', 'control', 'research']) {
      const r = await api(room.server.url, `/api/workshops/${room.w.id}/replay?doc=${doc}`, {
        token: room.w.tokens.researcher,
      });
      expect(r.status).toBe(200);
      texts[`replay:${doc}`] = JSON.stringify(r.body);
    }
    for (const [where, t] of Object.entries(texts)) {
      expect({ where, names: realNamesIn(t) }).toEqual({ where, names: [] });
      expect({ where, exif: /Exif|GPSLatitude|RXhpZg/.test(t) }).toEqual({ where, exif: false });
      expect({ where, bram: t.includes(bram.participantId) }).toEqual({ where, bram: false });
      expect({ where, quote: t.includes('wij willen meer ruimte') }).toEqual({ where, quote: false });
    }
    // The HTML labels its times (Europe/Amsterdam) and lets quoted words keep their own direction.
    expect(texts.html).toContain('Tijden in Europe/Amsterdam');
    // Every turn's time carries its offset from UTC, in the Markdown and the HTML.
    expect(texts.md).toMatch(/\n\nP\d\d: .+ · \d\d:\d\d \([+-]\d\d:\d\d\)\n/);
    expect(texts.html).toMatch(
      /<time dir="ltr" datetime="[^"]+Z" title="Europe\/Amsterdam">\d\d:\d\d \([+-]\d\d:\d\d\)<\/time>/,
    );
    expect(texts.html).toContain(
      `${after.get(YUSUF)}: <span dir="auto">قال ${after.get(YUSUF)}: نحتاج إلى مكان</span>`,
    );
    // Each remaining contribution exactly once in the CSV; a formula is neutralised.
    const rows = parseCsv((texts.csv ?? '').replace(/^\uFEFF/, ''));
    const idCol = rows[0]?.indexOf('id') ?? -1;
    const textCol = rows[0]?.indexOf('text') ?? -1;
    for (const id of ['i1', 'i2x7k9q', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9', 'o2']) {
      expect(rows.filter((r) => r[idCol] === id)).toHaveLength(1);
    }
    // The CSV refers to the photo by its upload id; the HTML shows it, carried in the file.
    expect(rows.find((r) => r[idCol] === 'i9')?.[rows[0]?.indexOf('picture') ?? -1]).toBe(uploadId);
    expect(texts.html).toContain(`<img src="${drawing?.image}"`);
    expect(rows.find((r) => r[idCol] === 'i4')?.[textCol]).toBe(`'=HYPERLINK("http://x.example","klik")`);
    // The Arabic note keeps its words, its author's name replaced.
    expect(text('i6')).toBe(`قال ${after.get(YUSUF)}: نحتاج إلى مكان`);
  });
});
