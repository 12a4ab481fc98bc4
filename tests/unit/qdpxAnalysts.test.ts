import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/boardDoc';
import { DEFAULT_CODEBOOK, type Code } from '../../shared/research/codebook';
import type { Observation } from '../../shared/research/researchDoc';
import { DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../../shared/template';
import { buildModel, type RawRecord } from '../../server/export/model';
import { buildQdpx, buildQdpxFiles } from '../../server/export/qdpx';
import { validateQde } from '../helpers/research';

const T = Date.UTC(2026, 10, 24, 9);
const G = 'gUtrecht01';
const item = (id: string, authorId: string, text: string, min: number, extra: Partial<Item> = {}): Item => ({
  id,
  kind: 'note',
  sessionId: 'pitch',
  groupId: G,
  authorId,
  createdAt: T + min * 60_000,
  updatedAt: T + min * 60_000,
  text,
  ...extra,
});
const obs = (id: string, patch: Partial<Observation>): Observation => ({
  id,
  researcherName: 'Marjolein',
  time: T + 500_000,
  sessionId: 'pitch',
  groupId: G,
  speakers: [],
  codes: [],
  quote: false,
  text: 'Notitie',
  links: [],
  createdAt: T + 500_000,
  updatedAt: T + 500_000,
  ...patch,
});
const own = (id: string, name: string): Code => ({
  id,
  name,
  parentId: 'condition',
  codable: true,
  source: 'researcher',
  order: 99,
  createdAt: T,
});
const JPEG = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0,
  16,
  ...Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
  0xff,
  0xda,
  0,
  2,
  1,
  2,
  0xff,
  0xd9,
]);

function fixture(): RawRecord {
  return {
    workshopId: 'wQualCoder',
    meta: {
      title: 'Werkplaats',
      joinCode: 'ACDEFG',
      joinOpen: true,
      consentText: { nl: 'x', en: 'x' },
      source: TEMPLATE_SOURCE,
      createdAt: T,
    },
    programme: DEFAULT_PROGRAMME,
    groups: [{ id: G, name: 'Utrecht', order: 0 }],
    workGroups: [],
    participants: [
      { id: 'pA', name: 'Anouk', groupId: G, side: 'informal', joinedAt: 1, pseudonym: 'P01' },
      { id: 'pB', name: 'Bram', groupId: G, side: 'formal', joinedAt: 2, pseudonym: 'P02' },
    ],
    items: [
      item('i1', 'pA', 'Wij kennen de families', 1),
      item('i2', 'pB', 'Regels en protocollen', 2),
      item('i3', 'facilitator', 'Welkom allemaal', 0),
      item('i4', 'pA', '', 3, { kind: 'visionPhoto', sessionId: 'visie', uploadId: 'uabcdefg1', mime: 'image/jpeg' }),
    ],
    observations: [
      obs('o1', { speakers: ['pA'], quote: true, text: 'Vertrouwen komt te voet', codes: ['condition:trust'] }),
      obs('o2', { text: 'Een losse notitie, gecodeerd', codes: ['own:a'] }),
      obs('o3', { text: 'Notitie bij de regels, zonder code', links: ['i2'] }),
      obs('o4', { text: 'Losse notitie zonder code' }),
    ],
    // Two sibling codes of the same name, as researchers may add them (the default codebook has one pair too).
    codebook: [...DEFAULT_CODEBOOK, own('own:a', 'Buurthuis'), own('own:b', 'buurthuis')],
    itemProvenance: new Map(),
    observationProvenance: new Map(),
    damaged: [],
    uploads: new Map([['uabcdefg1', { mime: 'image/jpeg', data: new Uint8Array(JPEG) }]]),
  };
}

/**
 * Reads a .qdpx with Python (zipfile, ElementTree) the way QualCoder's REFI-QDA importer (src/qualcoder/refi.py)
 * does, and reports what it would make of it: code names (QualCoder keys codes by name), annotations (a
 * PlainTextSelection without Coding in a TextSource; a Note a TextSource refers to by NoteRef, with its
 * PlainTextContent and PlainTextSelection), journals (other Notes: plainTextPath and name), case text (codings with a
 * code whose GUID is a case's), pictures (PictureSource files). tests/tools/qualcoderImport.py runs the real importer.
 */
function asQualCoderReads(qdpx: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkplaats-qc-'));
  const file = path.join(dir, 'p.qdpx');
  writeFileSync(file, qdpx);
  const script = String.raw`
import json, sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = "{urn:QDA-XML:project:1.0}"
root = ET.fromstring(z.read("project.qde"))
codes, cats = [], []
def walk(e):
    for c in e.findall(ns + "Code"):
        (cats if c.get("isCodable") == "false" else codes).append((c.get("name"), c.get("guid")))
        walk(c)
walk(root.find(ns + "CodeBook/" + ns + "Codes"))
code_guids = {g for _, g in codes}
cases = {c.get("guid"): c.get("name") for c in root.iter(ns + "Case")}
out = {"codes": [n for n, _ in codes], "categories": [n for n, _ in cats], "emptyAnnotations": 0, "annotations": [],
       "journals": [], "caseText": {}, "pictures": [], "codingsWithoutCode": 0}
texts, note_refs = {}, {}
for s in root.iter(ns + "TextSource"):
    text = z.read("sources/" + s.get("plainTextPath")[len("internal://"):]).decode("utf-8")
    texts[s.get("guid")] = text
    for sel in s.findall(ns + "PlainTextSelection"):
        codings = sel.findall(ns + "Coding")
        desc = sel.find(ns + "Description")
        if not codings and (desc is None or not desc.text):
            out["emptyAnnotations"] += 1
        for c in codings:
            target = c.find(ns + "CodeRef").get("targetGUID")
            if target not in code_guids:
                out["codingsWithoutCode"] += 1
            if target in cases:
                part = text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
                out["caseText"].setdefault(cases[target], []).append(part)
    for r in s.findall(ns + "NoteRef"):
        note_refs[r.get("targetGUID")] = s.get("guid")
for n in root.iter(ns + "Note"):
    if n.get("guid") in note_refs:
        content = n.find(ns + "PlainTextContent").text
        sel = n.find(ns + "PlainTextSelection")
        text = texts[note_refs[n.get("guid")]]
        out["annotations"].append([content, text[int(sel.get("startPosition")):int(sel.get("endPosition"))]])
    elif n.get("plainTextPath") and n.get("name"):
        out["journals"].append([n.get("name"), z.read("sources/" + n.get("plainTextPath")[len("internal://"):]).decode("utf-8")])
for p in root.iter(ns + "PictureSource"):
    data = z.read("sources/" + p.get("path")[len("internal://"):])
    out["pictures"].append([p.get("name"), data[:2].hex()])
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as {
    codes: string[];
    categories: string[];
    emptyAnnotations: number;
    annotations: string[][];
    journals: string[][];
    caseText: Record<string, string[]>;
    pictures: string[][];
    codingsWithoutCode: number;
  };
}

describe('the QDPX as QualCoder’s importer reads it', () => {
  const qdpx = buildQdpx(buildModel(fixture()));
  const read = asQualCoderReads(qdpx);

  it('still validates against Project.xsd', () => {
    expect(validateQde(buildQdpxFiles(buildModel(fixture())).projectXml)).toBeNull();
  });

  it('keeps codes of the same name apart (QualCoder keys them by name, ignoring none)', () => {
    const lower = read.codes.map((c) => c.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(read.codes).toContain('Buurthuis');
    expect(read.codes).toContain('buurthuis (Voorwaarden)');
    expect(new Set(read.categories.map((c) => c.toLowerCase())).size).toBe(read.categories.length);
    expect(read.codingsWithoutCode).toBe(0);
  });

  it('shows every researcher’s note: attached to its text, or as a memo of its own; no empty annotation', () => {
    expect(read.emptyAnnotations).toBe(0);
    expect(read.annotations.sort()).toEqual(
      [
        ['Vertrouwen komt te voet', 'Vertrouwen komt te voet'],
        ['Notitie bij de regels, zonder code', 'Regels en protocollen'],
      ].sort(),
    );
    expect(read.journals.map(([, text]) => text).sort()).toEqual(
      ['Een losse notitie, gecodeerd', 'Losse notitie zonder code'].sort(),
    );
    expect(new Set(read.journals.map(([name]) => name)).size).toBe(read.journals.length);
  });

  it('links each case to its text: every turn of the participant, nobody else’s', () => {
    expect(read.caseText).toEqual({
      P01: ['P01: Wij kennen de families', 'P01: Vertrouwen komt te voet', 'P01: foto van de tekening'],
      P02: ['P02: Regels en protocollen'],
    });
  });

  it('carries the photo as a picture source QualCoder can store under its name', () => {
    expect(read.pictures).toEqual([['Dag 2 - Visie - Utrecht - P01 - foto i4.jpg', 'ffd8']]);
  });
});
