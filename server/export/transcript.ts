import { CANVAS, strokesToSvg } from '../../shared/exercises/vision';
import type { ExportItem, ExportModel } from './model';
import { zip } from './zip';

/** One paragraph of a transcript: who spoke or wrote, and what. */
export interface Turn {
  speaker: string;
  text: string;
  at: string;
  /** What the turn comes from: a board item, or a researcher's verbatim quote. */
  from: { type: 'item' | 'observation'; id: string };
  /** Every item the turn stands for: one, or all the strokes of one person's drawing. */
  items: string[];
  hidden: boolean;
  image: string | null;
}

/** The transcript of one group in one session. */
export interface TranscriptPart {
  day: number | null;
  sessionId: string;
  session: string;
  groupId: string | null;
  group: string;
  turns: Turn[];
}

export const PLENARY_NAME = 'Plenair';

/** Transcript text is one line per turn, so tools that split on lines see one speaker per paragraph. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** Pen strokes are not turns of their own: each person's strokes in one part are one turn, "a drawing". */
const STROKE = 'visionStroke';
/** A consult's question and its advice belong to the consult's host cooperation, where they were said. */
const CONSULT = new Set(['consultQuestion', 'consultAdvice']);

/** One person's strokes in one part as one turn: when they started, how many lines, their drawing as an SVG. */
function drawingTurn(strokes: ExportItem[]): Turn {
  const first = strokes[0]!;
  const erased = strokes.filter((s) => s.fields.colour === 'eraser').length;
  const lines = strokes.length - erased;
  const svg = strokesToSvg(
    {
      width: CANVAS.width,
      height: CANVAS.height,
      strokes: strokes.flatMap((s) => {
        const points = Array.isArray(s.fields.points) ? s.fields.points.filter((p) => typeof p === 'number') : [];
        const width = typeof s.fields.width === 'number' ? s.fields.width : 4;
        return points.length >= 2 ? [{ points, colour: String(s.fields.colour ?? '#1a1a1a'), width }] : [];
      }),
      labels: [],
    },
    'tekening',
  );
  const what = [lines ? `${lines} ${lines === 1 ? 'lijn' : 'lijnen'}` : '', erased ? `${erased}× gegumd` : '']
    .filter(Boolean)
    .join(', ');
  return {
    speaker: first.author,
    text: `tekent aan de tekening (${what})`,
    at: first.createdAt,
    from: { type: 'item', id: first.id },
    items: strokes.map((s) => s.id),
    hidden: strokes.every((s) => s.hidden),
    image: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
  };
}

/**
 * Every contribution and every verbatim quote, grouped per day → session (programme order) → group (plenary
 * first), in time order within each. Speakers are pseudonyms (P03); a quote is spoken by its first speaker. A
 * person's pen strokes in one part are one turn (their drawing); a consult's question and advice stand under the
 * host cooperation, so each question is followed by the advice it got.
 */
export function transcriptParts(m: ExportModel): TranscriptPart[] {
  const parts = new Map<string, TranscriptPart>();
  const session = new Map(m.programme.map((s, i) => [s.id, { ...s, index: i }]));
  const group = new Map(m.groups.map((g) => [g.id, g]));
  const part = (sessionId: string, groupId: string | null): TranscriptPart => {
    const key = `${sessionId}\u0000${groupId ?? ''}`;
    let p = parts.get(key);
    if (!p) {
      const s = session.get(sessionId);
      p = {
        day: s?.day ?? null,
        sessionId,
        session: s?.title.nl ?? sessionId,
        groupId,
        group: groupId ? (group.get(groupId)?.name ?? groupId) : PLENARY_NAME,
        turns: [],
      };
      parts.set(key, p);
    }
    return p;
  };
  const drawings = new Map<string, { part: TranscriptPart; strokes: ExportItem[] }>();
  for (const i of m.items) {
    const host = typeof i.fields.hostId === 'string' && group.has(i.fields.hostId) ? i.fields.hostId : null;
    const p = part(i.sessionId, CONSULT.has(i.kind) && host ? host : i.groupId);
    if (i.kind === STROKE) {
      const key = `${i.sessionId}\u0000${i.groupId ?? ''}\u0000${i.author}`;
      const d = drawings.get(key) ?? { part: p, strokes: [] };
      d.strokes.push(i);
      drawings.set(key, d);
      continue;
    }
    p.turns.push({
      speaker: i.author,
      text: oneLine(i.text),
      at: i.createdAt,
      from: { type: 'item', id: i.id },
      items: [i.id],
      hidden: i.hidden,
      image: i.image,
    });
  }
  for (const d of drawings.values()) {
    d.strokes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    d.part.turns.push(drawingTurn(d.strokes));
  }
  for (const o of m.observations.filter((x) => x.quote)) {
    part(o.sessionId, o.groupId).turns.push({
      speaker: o.speakers[0] ?? o.researcher,
      text: oneLine(o.text),
      at: o.time,
      from: { type: 'observation', id: o.id },
      items: [],
      hidden: false,
      image: null,
    });
  }
  const order = (p: TranscriptPart) => [
    p.day ?? 99,
    session.get(p.sessionId)?.index ?? 999,
    p.groupId === null ? -1 : (group.get(p.groupId)?.order ?? 999),
  ];
  const out = [...parts.values()].filter((p) => p.turns.length > 0);
  for (const p of out) p.turns.sort((a, b) => a.at.localeCompare(b.at) || a.from.id.localeCompare(b.from.id));
  return out.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return (x[k] ?? 0) - (y[k] ?? 0);
    return a.group.localeCompare(b.group);
  });
}

/** Where a turn's own text sits in a plain-text transcript, in Unicode code points (end exclusive). */
export interface TurnRange {
  turn: Turn;
  start: number;
  end: number;
  lineStart: number;
}

/** A part as plain text (`P03: text` lines joined by `\n`) with each turn's text range in code points. */
export function plainTranscript(p: TranscriptPart): { text: string; ranges: TurnRange[] } {
  const lines: string[] = [];
  const ranges: TurnRange[] = [];
  let pos = 0;
  for (const turn of p.turns) {
    const prefix = `${turn.speaker}: `;
    const lineStart = pos;
    const start = pos + [...prefix].length;
    const end = start + [...turn.text].length;
    ranges.push({ turn, start, end, lineStart });
    lines.push(prefix + turn.text);
    pos = end + 1; // the \n
  }
  return { text: lines.join('\n'), ranges };
}

// Only pictures carried inside the file: a downloaded transcript must work offline and call out to no site.
const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);/;

/** What a damaged entry is called in the Dutch transcripts. */
const DAMAGED_LABEL = { item: 'bijdrage', observation: 'observatie', code: 'code' } as const;
export const DAMAGED_TITLE = 'Beschadigde onderdelen';

/** One line per damaged entry (never a speaker turn): what it is, its id, why, and its text if it has one. */
export function damagedLine(d: ExportModel['damaged'][number]): string {
  return `Beschadigde ${DAMAGED_LABEL[d.type]} ${d.id} (${d.reason})${d.text ? ` — ${oneLine(d.text)}` : ''}`;
}

const dayTitle = (d: number | null) => (d === null ? 'Zonder dag' : `Dag ${d}`);

/** The time zone transcripts show times in when the workshop sets none (the workshops are held in the Netherlands). */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** A moment as the workshop's clock showed it, and that clock's offset from UTC then (summer time included). */
export function clockOf(timeZone: string): (iso: string) => { clock: string; offset: string } {
  const clock = new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' });
  return (iso) => {
    const d = new Date(iso);
    const name = zone.formatToParts(d).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
    return { clock: clock.format(d), offset: name === 'GMT' ? '+00:00' : name.replace('GMT', '') };
  };
}

/** `17:30 (+01:00)`: a turn's time, labelled with the offset of the workshop's time zone. */
const labelled = (t: { clock: string; offset: string }) => `${t.clock} (${t.offset})`;

/**
 * MAXQDA's and ATLAS.ti's focus-group import take a paragraph whose first 63 characters hold a colon as a speaker
 * turn: titles, headings and notes that are not turns lose their colons (`Pitch – ronde 1`, never `Pitch: ronde 1`).
 */
const noSpeaker = (s: string) => s.replace(/\s*:\s*/g, ' – ');

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Text that holds right-to-left letters, isolated (FSI … PDI), so what follows (the time) stays outside it. */
const isolated = (s: string) => (RTL.test(s) ? `\u2068${s}\u2069` : s);

/**
 * Markdown transcript: `## Dag` → `### Sessie` → `#### Groep`, one `P03: text · 17:30 (+01:00)` paragraph per turn.
 * Nothing but a turn holds a colon near its start, so a focus-group import (MAXQDA, ATLAS.ti) reads exactly the turns
 * as speakers.
 */
export function markdownTranscript(m: ExportModel): string {
  const zone = m.workshop.timeZone;
  const time = clockOf(zone);
  const out: string[] = [
    `# ${mdEscape(noSpeaker(m.workshop.title))}`,
    '',
    `Transcript met pseudoniemen (P01, R1 …) – tijden in ${zone} – bron van het programma – ${mdEscape(noSpeaker(m.workshop.source))}`,
  ];
  let day: number | null | undefined;
  let sessionId: string | undefined;
  for (const p of transcriptParts(m)) {
    if (p.day !== day) out.push('', `## ${dayTitle(p.day)}`);
    if (p.sessionId !== sessionId || p.day !== day) out.push('', `### ${mdEscape(noSpeaker(p.session))}`);
    day = p.day;
    sessionId = p.sessionId;
    out.push('', `#### ${mdEscape(noSpeaker(p.group))}`);
    for (const t of p.turns)
      out.push(
        '',
        `${mdEscape(t.speaker)}: ${isolated(mdEscape(t.text))}${t.hidden ? ' *(verborgen)*' : ''} · ${labelled(time(t.at))}`,
      );
  }
  if (m.damaged.length > 0) {
    out.push('', `## ${DAMAGED_TITLE}`, '');
    for (const d of m.damaged) out.push(`- ${mdEscape(noSpeaker(damagedLine(d)))}`);
  }
  return out.join('\n') + '\n';
}

// Keeps a participant's text from turning into headings, lists or links in the rendered Markdown.
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\d+)\./, '$1\\.');

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML transcript, self-contained, printable on A4 (each day starts on a new page). Each turn's words are isolated in
 * their own direction (`<bdi dir="auto">`: Arabic stays right-to-left and the time after it stays outside it); each
 * time is the workshop's clock with its offset (`17:30 (+01:00)`), the zone named at the top and in the title.
 */
export function htmlTranscript(m: ExportModel): string {
  const zone = m.workshop.timeZone;
  const time = clockOf(zone);
  const body: string[] = [];
  let day: number | null | undefined;
  let sessionId: string | undefined;
  for (const p of transcriptParts(m)) {
    if (p.day !== day) body.push(`<h2 class="day">${html(dayTitle(p.day))}</h2>`);
    if (p.sessionId !== sessionId || p.day !== day) body.push(`<h3 dir="auto">${html(p.session)}</h3>`);
    day = p.day;
    sessionId = p.sessionId;
    body.push(`<section><h4 dir="auto">${html(p.group)}</h4>`);
    for (const t of p.turns) {
      body.push(
        `<p dir="ltr"${t.hidden ? ' class="hidden"' : ''}>${html(t.speaker)}: <span dir="auto">${html(t.text)}</span> <time dir="ltr" datetime="${t.at}" title="${html(zone)}">${labelled(time(t.at))}</time></p>`,
      );
      if (t.image && SAFE_IMAGE.test(t.image)) {
        body.push(`<figure><img src="${html(t.image)}" alt="${html(`${t.speaker}: ${t.text}`)}"></figure>`);
      }
    }
    body.push('</section>');
  }
  if (m.damaged.length > 0) {
    body.push(`<section class="damaged"><h2>${DAMAGED_TITLE}</h2><ul>`);
    for (const d of m.damaged) body.push(`<li dir="auto">${html(damagedLine(d))}</li>`);
    body.push('</ul></section>');
  }
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${html(m.workshop.title)} — transcript</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; } h2 { font-size: 15pt; border-bottom: 1px solid #999; } h3 { font-size: 13pt; } h4 { font-size: 11pt; text-transform: uppercase; letter-spacing: .05em; color: #444; }
p { margin: .3em 0; break-inside: avoid; } time { color: #666; font-size: 8pt; font-family: sans-serif; margin-left: .4em; unicode-bidi: isolate; }
.hidden { color: #666; } .hidden::after { content: ' (verborgen)'; font-style: italic; }
.source { font-size: 9pt; color: #444; }
figure { margin: .4em 0 .8em; break-inside: avoid; } figure img { max-width: 100%; max-height: 120mm; border: 1px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2.day:not(:first-of-type) { break-before: page; } h2, h3, h4 { break-after: avoid; } }
</style>
</head>
<body>
<h1 dir="auto">${html(m.workshop.title)}</h1>
<p class="source">Transcript met pseudoniemen (P01…, R1…). Tijden in ${html(zone)}: de klok ter plaatse, met het verschil met UTC erbij. Bron van het programma: ${html(m.workshop.source)}</p>
${body.join('\n')}
</body>
</html>
`;
}

/** A file name without characters file systems or zip tools refuse. */
const fileName = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- control characters are what a file name must not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);

/**
 * The transcript for MAXQDA's and ATLAS.ti's focus-group import: one plain-text file per group per session (so a
 * heading never falls inside a turn), each opening with two lines that hold no colon (left uncoded, as the import
 * promises for text before the first turn), then one `P03: text (17:30 +01:00)` line per turn. UTF-8 with a BOM,
 * CR LF line ends.
 */
export function maxqdaFiles(m: ExportModel): Array<{ name: string; text: string }> {
  const zone = m.workshop.timeZone;
  const time = clockOf(zone);
  return transcriptParts(m).map((p, i) => {
    const title = [m.workshop.title, dayTitle(p.day), p.session, p.group].map(noSpeaker).join(' – ');
    const lines = [
      title,
      `Pseudoniemen (P01, R1 …) – tijden in ${zone}`,
      '',
      ...p.turns.map((t) => {
        const at = time(t.at);
        return `${t.speaker}: ${isolated(t.text)}${t.hidden ? ' (verborgen)' : ''} (${at.clock} ${at.offset})`;
      }),
    ];
    const name = `${String(i + 1).padStart(3, '0')} ${fileName(`${dayTitle(p.day)} - ${p.session} - ${p.group}`)}.txt`;
    return { name, text: `\uFEFF${lines.join('\r\n')}\r\n` };
  });
}

/** The `maxqda` export: `maxqdaFiles` in one ZIP. */
export function maxqdaZip(m: ExportModel): Buffer {
  const enc = new TextEncoder();
  return zip(
    maxqdaFiles(m).map((f) => ({ name: f.name, data: enc.encode(f.text) })),
    Date.parse(m.workshop.createdAt),
  );
}
