import type { ExportModel } from './model';

/** Byte order mark: tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * One field as RFC 4180 wants it, safe to open in a spreadsheet (a text starting with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading `'`); quoted when it holds a quote, comma or line break, quotes doubled.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);
  // OWASP's CSV injection rule: a text a spreadsheet would run as a formula starts with a single quote.
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to an RFC 4180 document (CRLF line ends) with a BOM. */
export function toCsv(rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'record',
  'id',
  'time',
  'day',
  'session',
  'group',
  'author',
  'side',
  'kind',
  'text',
  'speakers',
  'codes',
  'quote',
  'links',
  'hidden',
  'edits',
  'picture',
] as const;

const PLENARY = 'Plenair';

/** One row per contribution and per observation, in time order (columns in `CSV_COLUMNS`, documented in docs/export.md). */
export function recordCsv(m: ExportModel): string {
  const session = new Map(m.programme.map((s) => [s.id, s.title.nl]));
  const code = new Map(m.codebook.map((c) => [c.id, c.name]));
  type Row = { at: string; cells: Array<string | number | boolean | null> };
  const rows: Row[] = [];
  for (const i of m.items) {
    rows.push({
      at: i.createdAt,
      cells: [
        'contribution',
        i.id,
        i.createdAt,
        i.day,
        session.get(i.sessionId) ?? i.sessionId,
        i.group ?? PLENARY,
        i.author,
        i.side,
        i.kind,
        i.text,
        '',
        '',
        false,
        '',
        i.hidden,
        i.provenance.edits,
        // The photo itself is in the JSON, HTML and QDPX: here its upload id, or `embedded` for an item's own picture.
        i.upload ?? (i.image ? 'embedded' : ''),
      ],
    });
  }
  for (const o of m.observations) {
    rows.push({
      at: o.time,
      cells: [
        'observation',
        o.id,
        o.time,
        o.day,
        session.get(o.sessionId) ?? o.sessionId,
        o.group ?? PLENARY,
        o.researcher,
        null,
        'observation',
        o.text,
        o.speakers.join('; '),
        o.codes.map((c) => code.get(c) ?? c).join('; '),
        o.quote,
        o.links.join(' '),
        false,
        o.provenance.edits,
        '',
      ],
    });
  }
  rows.sort((a, b) => a.at.localeCompare(b.at));
  // Damaged entries last, one row each: `damaged`, the id, what it is (kind) and why, with its text if it has one.
  for (const d of m.damaged) {
    rows.push({
      at: '',
      cells: [
        'damaged',
        d.id,
        null,
        null,
        null,
        null,
        null,
        null,
        d.type,
        `[${d.reason}] ${d.text ?? ''}`.trim(),
        '',
        '',
        false,
        '',
        false,
        0,
        '',
      ],
    });
  }
  return toCsv([[...CSV_COLUMNS], ...rows.map((r) => r.cells)]);
}

/**
 * The cases sheet in the layout of an NVivo classification sheet: the first column names the case, every further
 * column is an attribute (cooperation, side), one row per participant.
 */
export function casesCsv(m: ExportModel): string {
  return toCsv([
    ['Case', 'cooperation', 'side', 'consentVersion', 'consentAt'],
    ...m.participants.map((p) => [p.pseudonym, p.group, p.side, p.consentVersion, p.consentAt]),
  ]);
}
