import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/boardDoc';
import { DEFAULT_CODEBOOK } from '../../shared/research/codebook';
import type { Observation } from '../../shared/research/researchDoc';
import { DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../../shared/template';
import { buildModel, type RawRecord } from '../../server/export/model';
import { buildQdpxFiles } from '../../server/export/qdpx';
import {
  htmlTranscript,
  markdownTranscript,
  maxqdaFiles,
  maxqdaZip,
  transcriptParts,
} from '../../server/export/transcript';
import { unzipWithPython, validateQde } from '../helpers/research';

// 16:30 UTC on a winter day is 17:30 in Amsterdam (+01:00); 15:30 UTC in summer is 17:30 too (+02:00).
const WINTER = Date.UTC(2026, 10, 24, 16, 30);
const SUMMER = Date.UTC(2026, 5, 24, 15, 30);
const G1 = 'gUtrecht01';
const G2 = 'gZaandam01';

const item = (id: string, authorId: string, at: number, extra: Partial<Item>): Item => ({
  id,
  kind: 'note',
  sessionId: 'visie',
  groupId: G1,
  authorId,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const stroke = (id: string, authorId: string, at: number, colour = '#1a1a1a'): Item =>
  item(id, authorId, at, { kind: 'visionStroke', points: [10, 10, 300, 200], colour, width: 4 });

function fixture(meta: Partial<RawRecord['meta']> = {}): RawRecord {
  const quote: Observation = {
    id: 'o1',
    researcherName: 'Marjolein',
    time: WINTER + 9 * 60_000,
    sessionId: 'visie',
    groupId: G1,
    speakers: ['pA'],
    codes: ['condition:trust'],
    quote: true,
    text: 'Vertrouwen komt te voet',
    links: ['s2'],
    createdAt: WINTER + 9 * 60_000,
    updatedAt: WINTER + 9 * 60_000,
  };
  return {
    workshopId: 'wTranscript',
    meta: {
      title: 'Werkplaats: de test',
      joinCode: 'ACDEFG',
      joinOpen: true,
      consentText: { nl: 'x', en: 'x' },
      source: TEMPLATE_SOURCE,
      createdAt: WINTER,
      ...meta,
    },
    programme: DEFAULT_PROGRAMME,
    groups: [
      { id: G1, name: 'Utrecht', order: 0 },
      { id: G2, name: 'Zaandam', order: 1 },
    ],
    workGroups: [],
    participants: [
      { id: 'pA', name: 'Aïcha El Idrissi', groupId: G1, side: 'informal', joinedAt: 1, pseudonym: 'P01' },
      { id: 'pB', name: 'Bram Oudshoorn', groupId: G2, side: 'formal', joinedAt: 2, pseudonym: 'P02' },
      { id: 'pC', name: 'يوسف العلي', groupId: G1, side: 'informal', joinedAt: 3, pseudonym: 'P03' },
    ],
    items: [
      // Aïcha draws three strokes and erases once; Yusuf draws one in between: two drawings, not five turns.
      stroke('s1', 'pA', WINTER),
      stroke('s2', 'pA', WINTER + 60_000),
      stroke('s3', 'pC', WINTER + 90_000),
      stroke('s4', 'pA', WINTER + 120_000),
      stroke('s5', 'pA', WINTER + 150_000, 'eraser'),
      item('n1', 'pC', WINTER + 4 * 60_000, { text: 'قال يوسف: نحتاج إلى مكان' }),
      item('n2', 'pA', SUMMER, { sessionId: 'opening', text: 'In de zomer' }),
      // Zaandam hosts the consult: Bram asks, Aïcha (from Utrecht) advises, both under Zaandam.
      item('c1', 'pB', WINTER + 5 * 60_000, {
        kind: 'consultQuestion',
        sessionId: 'consult',
        groupId: G2,
        round: 1,
        hostId: G2,
        text: 'Hoe vinden we vrijwilligers?',
      }),
      item('c2', 'pA', WINTER + 6 * 60_000, {
        kind: 'consultAdvice',
        sessionId: 'consult',
        groupId: G1,
        round: 1,
        hostId: G2,
        text: 'Vraag het buurthuis',
      }),
    ],
    observations: [quote],
    codebook: DEFAULT_CODEBOOK,
    itemProvenance: new Map(),
    observationProvenance: new Map(),
    damaged: [],
  };
}

/**
 * MAXQDA's focus-group import, as its manual states it: every paragraph whose first 63 characters hold a colon is a
 * turn of the speaker before the colon; paragraphs before the first such one are left uncoded; any other paragraph
 * is added to the turn before it.
 */
function maxqdaTurns(text: string): { intro: string[]; turns: Array<{ speaker: string; text: string }> } {
  const intro: string[] = [];
  const turns: Array<{ speaker: string; text: string }> = [];
  for (const para of text.split(/\n/).filter((l) => l.trim())) {
    const colon = para.slice(0, 63).indexOf(':');
    if (colon >= 0) turns.push({ speaker: para.slice(0, colon).trim(), text: para.slice(colon + 1).trim() });
    else if (turns.length === 0) intro.push(para);
    else turns[turns.length - 1]!.text += `\n${para}`;
  }
  return { intro, turns };
}

describe('transcripts as a researcher reads them', () => {
  it('make one turn of a person’s drawing, not one per pen stroke', () => {
    const parts = transcriptParts(buildModel(fixture()));
    const visie = parts.find((p) => p.sessionId === 'visie' && p.groupId === G1)!;
    const drawings = visie.turns.filter((t) => t.text.startsWith('tekent'));
    expect(drawings.map((t) => [t.speaker, t.text, t.items])).toEqual([
      ['P01', 'tekent aan de tekening (3 lijnen, 1× gegumd)', ['s1', 's2', 's4', 's5']],
      ['P03', 'tekent aan de tekening (1 lijn)', ['s3']],
    ]);
    expect(drawings[0]?.image).toMatch(/^data:image\/svg\+xml;/);
    expect(decodeURIComponent(drawings[0]?.image ?? '').match(/<polyline/g)).toHaveLength(4);
    // A note linked to a stroke is coded on the drawing's turn in the QDPX, which still validates.
    const { projectXml, sources } = buildQdpxFiles(buildModel(fixture()));
    expect(validateQde(projectXml)).toBeNull();
    const visieSource = sources.find((s) => s.text.includes('tekent aan de tekening (3 lijnen'));
    expect(visieSource?.text.split('\n').filter((l) => l.includes('tekent'))).toHaveLength(2);
  });

  it('put a consult’s question and its advice under the host cooperation, named, not by id', () => {
    const parts = transcriptParts(buildModel(fixture()));
    const consult = parts.filter((p) => p.sessionId === 'consult');
    expect(consult.map((p) => p.group)).toEqual(['Zaandam']);
    expect(consult[0]?.turns.map((t) => `${t.speaker}: ${t.text}`)).toEqual([
      'P02: [ronde 1, bij Zaandam] vraag: Hoe vinden we vrijwilligers?',
      'P01: [ronde 1, bij Zaandam] advies: Vraag het buurthuis',
    ]);
    const md = markdownTranscript(buildModel(fixture()));
    expect(md).not.toContain(G2);
  });

  it('label every time with the workshop’s time zone, summer time included, in Markdown and HTML', () => {
    const md = markdownTranscript(buildModel(fixture()));
    expect(md).toContain('tijden in Europe/Amsterdam');
    expect(md).toContain('P01: In de zomer · 17:30 (+02:00)');
    expect(md).toContain('P02: \\[ronde 1, bij Zaandam\\] vraag: Hoe vinden we vrijwilligers? · 17:35 (+01:00)');
    const html = htmlTranscript(buildModel(fixture()));
    expect(html).toContain('Tijden in Europe/Amsterdam');
    expect(html).toContain(
      `<time dir="ltr" datetime="${new Date(SUMMER).toISOString()}" title="Europe/Amsterdam">17:30 (+02:00)</time>`,
    );
    // The workshop's own setting: held in New York, the same moment reads 11:30 (-05:00).
    const ny = markdownTranscript(buildModel(fixture({ timeZone: 'America/New_York' })));
    expect(ny).toContain('tijden in America/New_York');
    expect(ny).toContain('P02: \\[ronde 1, bij Zaandam\\] vraag: Hoe vinden we vrijwilligers? · 11:35 (-05:00)');
    // A zone the runtime does not know falls back to the default.
    expect(buildModel(fixture({ timeZone: 'Mars/Olympus' })).workshop.timeZone).toBe('Europe/Amsterdam');
  });

  it('isolate right-to-left words, so the time never lands inside an Arabic quote', () => {
    const html = htmlTranscript(buildModel(fixture()));
    expect(html).toMatch(
      /<p dir="ltr">P03: <span dir="auto">قال P03: نحتاج إلى مكان<\/span> <time dir="ltr" [^>]*>17:34 \(\+01:00\)<\/time><\/p>/,
    );
    const md = markdownTranscript(buildModel(fixture()));
    expect(md).toContain('P03: \u2068قال P03: نحتاج إلى مكان\u2069 · 17:34 (+01:00)');
  });

  it('read in MAXQDA’s focus-group import as exactly the turns, speakers P01… and R1…, no heading or intro as one', () => {
    const m = buildModel(fixture());
    const md = markdownTranscript(m);
    const { intro, turns } = maxqdaTurns(md);
    // The title (it has a colon) and the intro line are left uncoded, as the manual promises for text before turns.
    expect(intro.length).toBeGreaterThanOrEqual(2);
    expect(intro[0]).toBe('# Werkplaats – de test');
    expect(new Set(turns.map((t) => t.speaker))).toEqual(new Set(['P01', 'P02', 'P03']));
    const expected = transcriptParts(m).reduce((n, p) => n + p.turns.length, 0);
    expect(turns).toHaveLength(expected);
  });

  it('come as one focus-group file per group per session, so no heading lands inside a turn', () => {
    const m = buildModel(fixture());
    const files = maxqdaFiles(m);
    const parts = transcriptParts(m);
    expect(files).toHaveLength(parts.length);
    files.forEach((f, i) => {
      expect(f.text.startsWith('\uFEFF')).toBe(true);
      const { intro, turns } = maxqdaTurns(f.text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
      expect(intro).toHaveLength(2);
      expect(turns.map((t) => t.speaker)).toEqual(parts[i]?.turns.map((t) => t.speaker));
      // Each turn is its own words and time, nothing merged into it.
      for (const t of turns) expect(t.text).toMatch(/^[^\n]+ \(\d\d:\d\d [+-]\d\d:\d\d\)$/);
    });
    expect(files.map((f) => f.name)).toContain('003 Dag 2 - Consult - Zaandam.txt');
    const unzipped = unzipWithPython(maxqdaZip(m));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.name));
    expect(unzipped['003 Dag 2 - Consult - Zaandam.txt']).toBe(files[2]?.text);
  });
});
