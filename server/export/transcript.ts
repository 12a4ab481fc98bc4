import type { ExportModel } from './model';

/** One paragraph of a transcript: who spoke or wrote, and what. */
export interface Turn {
  speaker: string;
  text: string;
  at: string;
  /** What the turn comes from: a board item, or a researcher's verbatim quote. */
  from: { type: 'item' | 'observation'; id: string };
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

/**
 * Every contribution and every verbatim quote, grouped per day → session (programme order) → group (plenary
 * first), in time order within each. Speakers are pseudonyms (P03); a quote is spoken by its first speaker.
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
  for (const i of m.items) {
    part(i.sessionId, i.groupId).turns.push({
      speaker: i.author,
      text: oneLine(i.text),
      at: i.createdAt,
      from: { type: 'item', id: i.id },
      hidden: i.hidden,
      image: i.image,
    });
  }
  for (const o of m.observations.filter((x) => x.quote)) {
    part(o.sessionId, o.groupId).turns.push({
      speaker: o.speakers[0] ?? o.researcher,
      text: oneLine(o.text),
      at: o.time,
      from: { type: 'observation', id: o.id },
      hidden: false,
      image: null,
    });
  }
  const order = (p: TranscriptPart) => [
    p.day ?? 99,
    session.get(p.sessionId)?.index ?? 999,
    p.groupId === null ? -1 : (group.get(p.groupId)?.order ?? 999),
  ];
  const out = [...parts.values()];
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

/** Markdown transcript: `# Dag` → `## Sessie` → `### Groep`, one `P03: text` paragraph per turn. */
export function markdownTranscript(m: ExportModel): string {
  const out: string[] = [
    `# ${m.workshop.title}`,
    '',
    `Transcript, pseudoniemen (P01…, R1…). Bron van het programma: ${m.workshop.source}`,
  ];
  let day: number | null | undefined;
  let sessionId: string | undefined;
  for (const p of transcriptParts(m)) {
    if (p.day !== day) out.push('', `## ${dayTitle(p.day)}`);
    if (p.sessionId !== sessionId || p.day !== day) out.push('', `### ${p.session}`);
    day = p.day;
    sessionId = p.sessionId;
    out.push('', `#### ${p.group}`);
    for (const t of p.turns)
      out.push('', `${mdEscape(t.speaker)}: ${mdEscape(t.text)}${t.hidden ? ' *(verborgen)*' : ''}`);
  }
  if (m.damaged.length > 0) {
    out.push('', `## ${DAMAGED_TITLE}`, '');
    for (const d of m.damaged) out.push(`- ${mdEscape(damagedLine(d))}`);
  }
  return out.join('\n') + '\n';
}

// Keeps a participant's text from turning into headings, lists or links in the rendered Markdown.
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\d+)\./, '$1\\.');

/** The time zone transcripts show times in (the workshops are held in the Netherlands). */
export const TIME_ZONE = 'Europe/Amsterdam';
const clockFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
/** `18:30` for a moment, in `TIME_ZONE`. */
const clock = (iso: string) => clockFormat.format(new Date(iso));

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML transcript, self-contained, printable on A4 (each day starts on a new page). */
export function htmlTranscript(m: ExportModel): string {
  const body: string[] = [];
  let day: number | null | undefined;
  let sessionId: string | undefined;
  for (const p of transcriptParts(m)) {
    if (p.day !== day) body.push(`<h2 class="day">${html(dayTitle(p.day))}</h2>`);
    if (p.sessionId !== sessionId || p.day !== day) body.push(`<h3>${html(p.session)}</h3>`);
    day = p.day;
    sessionId = p.sessionId;
    body.push(`<section><h4>${html(p.group)}</h4>`);
    for (const t of p.turns) {
      // Quoted words in their own direction (Arabic stays right-to-left), the time after them in the workshop's zone.
      body.push(
        `<p${t.hidden ? ' class="hidden"' : ''}>${html(t.speaker)}: <span dir="auto">${html(t.text)}</span> <time datetime="${t.at}" title="${TIME_ZONE}">${clock(t.at)}</time></p>`,
      );
      if (t.image && SAFE_IMAGE.test(t.image)) {
        body.push(`<figure><img src="${html(t.image)}" alt="${html(`${t.speaker}: ${t.text}`)}"></figure>`);
      }
    }
    body.push('</section>');
  }
  if (m.damaged.length > 0) {
    body.push(`<section class="damaged"><h2>${DAMAGED_TITLE}</h2><ul>`);
    for (const d of m.damaged) body.push(`<li>${html(damagedLine(d))}</li>`);
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
p { margin: .3em 0; break-inside: avoid; } time { color: #666; font-size: 8pt; font-family: sans-serif; margin-left: .4em; }
.hidden { color: #666; } .hidden::after { content: ' (verborgen)'; font-style: italic; }
.source { font-size: 9pt; color: #444; }
figure { margin: .4em 0 .8em; break-inside: avoid; } figure img { max-width: 100%; max-height: 120mm; border: 1px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2.day:not(:first-of-type) { break-before: page; } h2, h3, h4 { break-after: avoid; } }
</style>
</head>
<body>
<h1>${html(m.workshop.title)}</h1>
<p class="source">Transcript met pseudoniemen (P01…, R1…). Tijden in ${TIME_ZONE}. Bron van het programma: ${html(m.workshop.source)}</p>
${body.join('\n')}
</body>
</html>
`;
}
