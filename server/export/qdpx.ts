import { stableGuid } from './guid';
import type { ExportModel, ExportObservation } from './model';
import { DAMAGED_TITLE, damagedLine, plainTranscript, transcriptParts, type TurnRange } from './transcript';
import { zip } from './zip';

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 forbids most control characters; a pasted one must not make the project unreadable.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const cp = (s: string) => [...s].length;

// XML parsers turn CR LF into LF, so offsets are counted on the text as the reader will see it.
const noteText = (o: ExportObservation) => o.text.replace(/\r\n?/g, '\n');

/** A coded selection: code-point range, codes, the observation it comes from. */
interface Selection {
  guid: string;
  name: string;
  start: number;
  end: number;
  user: string;
  at: string;
  codes: string[];
  note: string | null;
  /** Codes by GUID besides `codes`: the speaker's code (its GUID is their case's; see `speakerCodes`). */
  codeGuids?: string[];
  /** Shown by MAXQDA and QualCoder as the selection's comment / coding memo: the note's own words. */
  description?: string;
}

function selectionXml(s: Selection, codeGuid: (id: string) => string | undefined): string {
  const codings = [...s.codes.map((c) => codeGuid(c)), ...(s.codeGuids ?? [])]
    .filter((g): g is string => Boolean(g))
    .map(
      (g) =>
        `<Coding guid="${stableGuid(`${s.guid}/coding/${g}`)}" creatingUser="${s.user}" creationDateTime="${s.at}"><CodeRef targetGUID="${g}"/></Coding>`,
    )
    .join('');
  const note = s.note ? `<NoteRef targetGUID="${s.note}"/>` : '';
  const description = s.description ? `<Description>${xml(s.description)}</Description>` : '';
  return `<PlainTextSelection guid="${s.guid}" name="${xml(s.name)}" startPosition="${s.start}" endPosition="${s.end}" creatingUser="${s.user}" creationDateTime="${s.at}">${description}${codings}${note}</PlainTextSelection>`;
}

/** Each entry's name, unique ignoring case: the first keeps it, a later one gets ` (<parent>)`, else ` (2)`, ` (3)`… */
function uniqueNames(entries: Array<{ key: string; name: string; parent: string | null }>): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const e of entries) {
    let name = e.name;
    if (taken.has(name.toLowerCase()) && e.parent) name = `${e.name} (${e.parent})`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${e.name} (${n})`;
    taken.add(name.toLowerCase());
    out.set(e.key, name);
  }
  return out;
}

const PICTURE = /^data:image\/(jpeg|png|webp);base64,([A-Za-z0-9+/=]+)$/;
const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** The `project.qde`, its text sources and its pictures, built from the export model (REFI-QDA Project 1.0). */
export function buildQdpxFiles(m: ExportModel): {
  projectXml: string;
  sources: Array<{ name: string; text: string }>;
  pictures: Array<{ name: string; data: Uint8Array }>;
} {
  const w = m.workshop.id;
  const g = (kind: string, id: string) => stableGuid(`${w}/${kind}/${id}`);
  const exportUser = g('user', 'werkplaats');
  const researcherGuid = new Map(m.researchers.map((r) => [r.pseudonym, g('user', r.pseudonym)]));
  const userOf = (pseudonym: string) => researcherGuid.get(pseudonym) ?? exportUser;
  const codeGuid = new Map(m.codebook.map((c) => [c.id, g('code', c.id)]));
  const noteGuid = (o: ExportObservation) => g('note', o.id);
  const created = m.workshop.createdAt;

  // Transcripts: one source per group per session; remember where each item and quote landed.
  const parts = transcriptParts(m);
  const turnAt = new Map<string, { source: number; range: TurnRange }>();
  const built = parts.map((p, index) => {
    const { text, ranges } = plainTranscript(p);
    for (const r of ranges) {
      turnAt.set(`${r.turn.from.type}:${r.turn.from.id}`, { source: index, range: r });
      // A drawing's turn stands for each of its strokes: a note linked to any stroke lands on it.
      for (const id of r.turn.items) turnAt.set(`item:${id}`, { source: index, range: r });
    }
    return {
      part: p,
      text,
      ranges,
      guid: g('source', `${p.sessionId}/${p.groupId ?? 'plenary'}`),
      selections: [] as Selection[],
    };
  });
  // Photos (of paper drawings, of pitches): one PictureSource each, the image file in the archive's sources/.
  const pictures = m.items.flatMap((it) => {
    const match = PICTURE.exec(it.image ?? '');
    if (!match) return [];
    const guid = g('picture', it.id);
    const file = `${guid}.${EXT[match[1] ?? ''] ?? 'bin'}`;
    const where = m.programme.find((s) => s.id === it.sessionId);
    // QualCoder stores a picture under its source name: a file name, unique, with the image's extension.
    const name =
      `Dag ${it.day ?? '?'} - ${where?.title.nl ?? it.sessionId} - ${it.group ?? 'Plenair'} - ${it.author} - foto ${it.id}.${EXT[match[1] ?? ''] ?? 'bin'}`
        .replace(/[\\/:*?"<>|]/g, ' ')
        .replace(/\s+/g, ' ');
    return [{ item: it, guid, file, name, data: new Uint8Array(Buffer.from(match[2] ?? '', 'base64')) }];
  });
  const speakerPictures = new Map<string, string[]>();
  for (const p of pictures) speakerPictures.set(p.item.author, [...(speakerPictures.get(p.item.author) ?? []), p.guid]);
  const speakerSelections = new Map<string, string[]>();
  // A participant's turns are coded with their speaker code (MAXQDA's focus-group layout), whose GUID is their case's:
  // QualCoder turns such codings into the case's text, other tools keep a code per speaker. Other turns (R1,
  // facilitator, anonymous) get no selection: an uncoded selection reads as an empty annotation in QualCoder.
  const caseGuid = new Map(m.participants.map((p) => [p.pseudonym, g('case', p.pseudonym)]));
  for (const b of built) {
    for (const r of b.ranges) {
      const speakerCode = caseGuid.get(r.turn.speaker);
      if (!speakerCode) continue;
      const guid = g('turn', `${r.turn.from.type}:${r.turn.from.id}`);
      b.selections.push({
        guid,
        name: r.turn.speaker,
        start: r.lineStart,
        end: r.end,
        user: exportUser,
        at: r.turn.at,
        codes: [],
        codeGuids: [speakerCode],
        note: null,
      });
      speakerSelections.set(r.turn.speaker, [...(speakerSelections.get(r.turn.speaker) ?? []), guid]);
    }
  }

  // Coded observations: on the quote's own turn, on each linked item's turn, else on the note itself.
  const noteSelections = new Map<string, Selection>();
  // Where each note is attached (its first target): QualCoder shows a note as an annotation of that text when the
  // source holds a NoteRef to it and the note a PlainTextSelection with the range.
  const attachedAt = new Map<string, { source: number; start: number; end: number }>();
  const sourceNotes = new Map<number, string[]>();
  for (const o of m.observations) {
    const user = userOf(o.researcher);
    const targets = [...(o.quote ? [`observation:${o.id}`] : []), ...o.links.map((id) => `item:${id}`)];
    let placed = false;
    for (const key of targets) {
      const t = turnAt.get(key);
      if (!t) continue;
      if (!placed) {
        attachedAt.set(o.id, { source: t.source, start: t.range.start, end: t.range.end });
        sourceNotes.set(t.source, [...(sourceNotes.get(t.source) ?? []), noteGuid(o)]);
      }
      placed = true;
      // Uncoded, the note needs no selection on the text: its annotation (above) shows it there.
      if (o.codes.length === 0) continue;
      built[t.source]?.selections.push({
        guid: g('selection', `${o.id}/${key}`),
        name: `${o.researcher}: ${[...o.text].slice(0, 40).join('')}`,
        start: t.range.start,
        end: t.range.end,
        user,
        at: o.updatedAt,
        codes: o.codes,
        note: noteGuid(o),
        description: noteText(o),
      });
    }
    if (!placed && o.codes.length > 0) {
      noteSelections.set(o.id, {
        guid: g('selection', `${o.id}/note`),
        name: o.researcher,
        start: 0,
        end: cp(noteText(o)),
        user,
        at: o.updatedAt,
        codes: o.codes,
        note: null,
      });
    }
  }

  // Code names unique in the whole codebook (ignoring case): QualCoder keys codes and categories by name and would
  // merge two codes called "Vertrouwen" into one. A name used more than once gets its parent's name, then a number.
  const speakerCategory = 'Sprekers';
  const uniqueName = uniqueNames([
    ...m.codebook.map((c) => ({
      key: c.id,
      name: c.name,
      parent: m.codebook.find((x) => x.id === c.parentId)?.name ?? null,
    })),
    { key: 'speakers', name: speakerCategory, parent: null },
    ...m.participants.map((p) => ({ key: `speaker:${p.pseudonym}`, name: p.pseudonym, parent: speakerCategory })),
  ]);
  const codeXml = (parentId: string | null): string =>
    m.codebook
      .filter((c) => c.parentId === parentId || (parentId === null && c.parentId !== null && !codeGuid.has(c.parentId)))
      .map((c) => {
        const desc = [c.description, c.nameEn ? `EN: ${c.nameEn}` : '', `Bron: ${c.source}`].filter(Boolean).join('\n');
        const color = c.color && /^#[0-9a-fA-F]{6}$/.test(c.color) ? ` color="${c.color}"` : '';
        return `<Code guid="${codeGuid.get(c.id)}" name="${xml(uniqueName.get(c.id) ?? c.name)}" isCodable="${c.codable}"${color}><Description>${xml(desc)}</Description>${codeXml(c.id)}</Code>`;
      })
      .join('\n');
  // One code per participant, under a category of its own, with their case's GUID (the speaker codes of a focus group).
  const speakersXml =
    m.participants.length === 0
      ? ''
      : `\n<Code guid="${g('category', 'speakers')}" name="${xml(uniqueName.get('speakers') ?? speakerCategory)}" isCodable="false"><Description>Sprekers: per deelnemer hun beurten (dezelfde GUID als hun case).</Description>` +
        m.participants
          .map(
            (p) =>
              `<Code guid="${caseGuid.get(p.pseudonym)}" name="${xml(uniqueName.get(`speaker:${p.pseudonym}`) ?? p.pseudonym)}" isCodable="true"><Description>${xml(`Beurten van ${p.pseudonym} (${p.group}, ${p.side})`)}</Description></Code>`,
          )
          .join('') +
        '</Code>';

  const varCoop = g('variable', 'cooperation');
  const varSide = g('variable', 'side');
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${xml(m.workshop.title)}" origin="Werkplaats (export schema ${m.version})" creatingUserGUID="${exportUser}" creationDateTime="${created}">`,
    '<Users>',
    `<User guid="${exportUser}" name="Werkplaats" id="werkplaats"/>`,
    ...m.researchers.map(
      (r) => `<User guid="${userOf(r.pseudonym)}" name="${xml(r.pseudonym)}" id="${xml(r.pseudonym)}"/>`,
    ),
    '</Users>',
    `<CodeBook><Codes>\n${codeXml(null)}${speakersXml}\n</Codes></CodeBook>`,
    '<Variables>',
    `<Variable guid="${varCoop}" name="cooperation" typeOfVariable="Text"><Description>Samenwerkingsverband (gemeente)</Description></Variable>`,
    `<Variable guid="${varSide}" name="side" typeOfVariable="Text"><Description>formal / informal</Description></Variable>`,
    '</Variables>',
  ];
  if (m.participants.length > 0) {
    out.push('<Cases>');
    for (const p of m.participants) {
      const refs =
        (speakerPictures.get(p.pseudonym) ?? []).map((s) => `<SourceRef targetGUID="${s}"/>`).join('') +
        (speakerSelections.get(p.pseudonym) ?? []).map((s) => `<SelectionRef targetGUID="${s}"/>`).join('');
      out.push(
        `<Case guid="${caseGuid.get(p.pseudonym)}" name="${xml(p.pseudonym)}">` +
          `<VariableValue><VariableRef targetGUID="${varCoop}"/><TextValue>${xml(p.group)}</TextValue></VariableValue>` +
          `<VariableValue><VariableRef targetGUID="${varSide}"/><TextValue>${p.side}</TextValue></VariableValue>` +
          `${refs}</Case>`,
      );
    }
    out.push('</Cases>');
  }
  if (built.length > 0 || pictures.length > 0) {
    out.push('<Sources>');
    for (const [index, b] of built.entries()) {
      const name = `Dag ${b.part.day ?? '?'} · ${b.part.session} · ${b.part.group}`;
      out.push(
        `<TextSource guid="${b.guid}" name="${xml(name)}" plainTextPath="internal://${b.guid}.txt" creatingUser="${exportUser}" creationDateTime="${created}">` +
          `<Description>${xml(`Transcript van ${b.part.group} in ${b.part.session}, pseudoniemen.`)}</Description>` +
          b.selections
            .sort((x, y) => x.start - y.start || x.end - y.end || x.guid.localeCompare(y.guid))
            .map((s) => selectionXml(s, (id) => codeGuid.get(id)))
            .join('') +
          (sourceNotes.get(index) ?? []).map((n) => `<NoteRef targetGUID="${n}"/>`).join('') +
          '</TextSource>',
      );
    }
    for (const p of pictures) {
      out.push(
        `<PictureSource guid="${p.guid}" name="${xml(p.name)}" path="internal://${p.file}" creatingUser="${exportUser}" creationDateTime="${p.item.createdAt}">` +
          `<Description>${xml(`${p.item.author}: ${p.item.text}`)}</Description></PictureSource>`,
      );
    }
    out.push('</Sources>');
  }
  const noteNames = new Map<string, number>();
  const noteFiles: Array<{ name: string; text: string }> = [];
  if (m.observations.length > 0) {
    out.push('<Notes>');
    for (const o of m.observations) {
      const user = userOf(o.researcher);
      const desc = [
        o.group ?? 'Plenair',
        o.sessionId,
        o.speakers.length ? `sprekers: ${o.speakers.join(', ')}` : '',
        o.quote ? 'citaat' : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const sel = noteSelections.get(o.id);
      const at = attachedAt.get(o.id);
      const base = `${o.researcher} ${o.time.slice(0, 16).replace('T', ' ')}`;
      const count = (noteNames.get(base) ?? 0) + 1;
      noteNames.set(base, count);
      const name = count > 1 ? `${base} (${count})` : base;
      const head = `<Note guid="${noteGuid(o)}" name="${xml(name)}" creatingUser="${user}" creationDateTime="${o.createdAt}" modifyingUser="${user}" modifiedDateTime="${o.updatedAt}"`;
      if (at) {
        // Attached to a turn: its text inside, and the turn's range (the source holds the NoteRef), as QualCoder
        // reads an annotation and NVivo writes one.
        out.push(
          `${head}><Description>${xml(desc)}</Description><PlainTextContent>${xml(noteText(o))}</PlainTextContent>` +
            `<PlainTextSelection guid="${g('attached', o.id)}" name="${xml(o.researcher)}" startPosition="${at.start}" endPosition="${at.end}"/>` +
            '</Note>',
        );
      } else {
        // A note of its own (a memo): its text in a file of the archive, so QualCoder lists it as a journal entry.
        noteFiles.push({ name: `sources/${noteGuid(o)}.txt`, text: noteText(o) });
        out.push(
          `${head} plainTextPath="internal://${noteGuid(o)}.txt"><Description>${xml(desc)}</Description>` +
            (sel ? selectionXml(sel, (id) => codeGuid.get(id)) : '') +
            '</Note>',
        );
      }
    }
    out.push('</Notes>');
  }
  if (m.damaged.length > 0) {
    // The project's description lists what could not be exported whole (REFI-QDA puts Description after Graphs).
    out.push(`<Description>${xml([DAMAGED_TITLE, ...m.damaged.map(damagedLine)].join('\n'))}</Description>`);
  }
  out.push('</Project>', '');
  return {
    projectXml: out.join('\n'),
    sources: [...built.map((b) => ({ name: `sources/${b.guid}.txt`, text: b.text })), ...noteFiles],
    pictures: pictures.map((p) => ({ name: `sources/${p.file}`, data: p.data })),
  };
}

/** The `.qdpx` archive: `project.qde` at the root, the transcripts and the photos in `sources/`. */
export function buildQdpx(m: ExportModel): Buffer {
  const { projectXml, sources, pictures } = buildQdpxFiles(m);
  const enc = new TextEncoder();
  return zip(
    [
      { name: 'project.qde', data: enc.encode(projectXml) },
      ...sources.map((s) => ({ name: s.name, data: enc.encode(s.text) })),
      ...pictures,
    ],
    Date.parse(m.workshop.createdAt),
  );
}
