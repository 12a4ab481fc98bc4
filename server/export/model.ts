import type { Item } from '../../shared/boardDoc';
import type { Group, ParticipantInfo, WorkshopMeta } from '../../shared/controlDoc';
import { itemExportImage, itemExportText } from '../../shared/exercises/registry';
import type { Session, Side } from '../../shared/programme';
import type { Code } from '../../shared/research/codebook';
import type { Observation } from '../../shared/research/researchDoc';
import type { DamagedEntry } from '../../shared/research/recordCheck';
import type { WorkGroup } from '../../shared/research/workGroups';
import { stripDataUrl, stripImageMetadata } from '../images/stripMetadata';
import { foldedReplacer, nameForms, nameScrubber } from './names';
import type { Provenance } from './provenance';
import { DEFAULT_TIME_ZONE } from './transcript';

/** Version of the export schema (`docs/export.md`); bumped on any incompatible change. */
export const EXPORT_SCHEMA_VERSION = 1;

/** Everything the server holds about a workshop, with real names: the input to every export. Never sent as is. */
export interface RawRecord {
  workshopId: string;
  meta: WorkshopMeta;
  programme: Session[];
  groups: Group[];
  /** Groups exercises formed for a session (mixed groups, …), found in their state; exported after the cooperations. */
  workGroups: WorkGroup[];
  participants: ParticipantInfo[];
  items: Item[];
  observations: Observation[];
  codebook: Code[];
  /** The stored photos items refer to (`uploadId` of a vision photo, `photoId` of a pitch), by upload id. */
  uploads?: Map<string, { mime: string; data: Uint8Array }>;
  /** Researchers' stored pseudonyms, by the name they typed (`assignResearcherPseudonyms`). */
  researcherPseudonyms?: Map<string, string>;
  itemProvenance: Map<string, Provenance>;
  observationProvenance: Map<string, Provenance>;
  /** Entries that failed their check on loading (`shared/research/recordCheck.ts`); listed, never exported as whole. */
  damaged: DamagedEntry[];
}

export interface ExportProvenance {
  createdBy: string;
  loggedAt: string | null;
  edits: number;
  lastEditedAt: string | null;
  editors: string[];
}

export interface ExportItem {
  id: string;
  kind: string;
  day: number | null;
  sessionId: string;
  groupId: string | null;
  group: string | null;
  /** P01… for participants, `facilitator`, `researcher`, or `anonymous` for answers written without an author. */
  author: string;
  side: Side | null;
  text: string;
  /**
   * A picture of the item, without metadata: the stored photo it refers to (a vision photo of a paper drawing, a
   * pitch photo), else the exercise's `exportImage` (a stroke's SVG, an older pitch's inline photo).
   */
  image: string | null;
  /** The upload id of the stored photo the item refers to (its `image`), or null. */
  upload: string | null;
  createdAt: string;
  updatedAt: string;
  hidden: boolean;
  mergedInto: string | null;
  /** The kind's own fields, with every participant id replaced by its pseudonym. */
  fields: Record<string, unknown>;
  provenance: ExportProvenance;
}

export interface ExportObservation {
  id: string;
  researcher: string;
  time: string;
  day: number | null;
  sessionId: string;
  groupId: string | null;
  group: string | null;
  speakers: string[];
  codes: string[];
  quote: boolean;
  text: string;
  links: string[];
  createdAt: string;
  updatedAt: string;
  provenance: ExportProvenance;
}

/** The pseudonymised record every format is written from (the `json` export is this, serialised). */
export interface ExportModel {
  schema: 'werkplaats-export';
  version: typeof EXPORT_SCHEMA_VERSION;
  /** `timeZone`: the IANA zone transcripts show times in (the workshop's setting, default Europe/Amsterdam). */
  workshop: { id: string; title: string; createdAt: string; source: string; timeZone: string };
  programme: Array<{ id: string; day: number; kind: string; grouping: string; title: { nl: string; en: string } }>;
  groups: Array<{ id: string; name: string; order: number }>;
  participants: Array<{
    pseudonym: string;
    groupId: string;
    group: string;
    side: Side;
    joinedAt: string;
    consentAt: string | null;
    consentVersion: number | null;
  }>;
  researchers: Array<{ pseudonym: string }>;
  codebook: Array<Omit<Code, 'createdAt' | 'createdBy'> & { createdAt: string; createdBy: string | null }>;
  items: ExportItem[];
  observations: ExportObservation[];
  /** Items, observations and codes that are damaged (a field missing or out of range): listed with the reason. */
  damaged: DamagedEntry[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The zone when it is one the runtime knows (an IANA name such as Europe/Amsterdam), else null. */
export function validTimeZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || !zone) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
const BASE = new Set([
  'id',
  'kind',
  'sessionId',
  'groupId',
  'authorId',
  'createdAt',
  'updatedAt',
  'hidden',
  'mergedInto',
]);

/**
 * Stable pseudonyms: each participant's own (assigned once at join, never reused; older records without one are
 * numbered after the highest stored one, by join order); researchers their stored R1, R2… (a researcher without one
 * is numbered after the highest stored, by their first note).
 */
export function pseudonyms(
  participants: ParticipantInfo[],
  observations: Observation[],
  storedResearchers: Map<string, string> = new Map(),
) {
  const sorted = [...participants].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  const stored = sorted.map((p) => Number(/^P(\d+)$/.exec(p.pseudonym ?? '')?.[1] ?? 0));
  let next = Math.max(0, ...stored);
  const width = Math.max(2, String(sorted.length).length);
  const participant = new Map(
    sorted.map((p) => [p.id, p.pseudonym ?? `P${String(++next).padStart(width, '0')}`] as [string, string]),
  );
  const researcher = new Map<string, string>();
  let r = Math.max(0, ...[...storedResearchers.values()].map((v) => Number(/^R(\d+)$/.exec(v)?.[1] ?? 0)));
  for (const o of [...observations].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
    if (!researcher.has(o.researcherName))
      researcher.set(o.researcherName, storedResearchers.get(o.researcherName) ?? `R${++r}`);
  }
  return { participant, researcher, nextResearcher: () => `R${++r}` };
}

/** The facilitator's `names=real` option: the same maps, but to the people's own names. */
function realNames(raw: Pick<RawRecord, 'participants' | 'observations'>) {
  const participant = new Map(raw.participants.map((p) => [p.id, p.name]));
  const researcher = new Map(raw.observations.map((o) => [o.researcherName, o.researcherName]));
  return { participant, researcher };
}

/**
 * Replaces every participant id by its pseudonym and scrubs names from every string, however deep; pictures
 * (`data:image/…`) lose their metadata.
 */
function scrub(value: unknown, ids: Map<string, string>, names: (s: string) => string): unknown {
  if (typeof value === 'string' && value.startsWith('data:image/')) return stripDataUrl(value);
  if (typeof value === 'string') return ids.get(value) ?? names(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, ids, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, ids, names)]));
  }
  return value;
}

/**
 * The names an export uses (pseudonyms, or the real names for the facilitator's `names=real`) and the function that
 * replaces participants' and researchers' names in a text (every form: NFC/NFD, any case, without diacritics).
 */
export function namesOf(
  raw: Pick<RawRecord, 'participants' | 'observations' | 'items' | 'researcherPseudonyms'>,
  real: boolean,
) {
  const stored = raw.researcherPseudonyms ?? new Map<string, string>();
  const pseudo = pseudonyms(raw.participants, raw.observations, stored);
  const names = real ? realNames(raw) : pseudo;
  // Researchers who only wrote on the board (a note on a role pick) have theirs too (numbered after, if not stored).
  for (const it of raw.items) {
    const rn = (it as { researcherName?: unknown }).researcherName;
    if (typeof rn === 'string' && rn.trim() && !names.researcher.has(rn)) {
      names.researcher.set(rn, real ? rn : (stored.get(rn) ?? pseudo.nextResearcher()));
    }
  }
  const researcherForms = [...names.researcher].flatMap(([name, alias]) =>
    nameForms(name).map((f) => [f, alias] as [string, string]),
  );
  const people = nameScrubber(raw.participants, names.participant);
  const team = foldedReplacer(researcherForms);
  const unname = real ? (s: string) => s : (s: string) => team(people(s));
  return { names, unname };
}

/** Builds the pseudonymised export model; no participant's or researcher's name survives this step. */
export function buildModel(raw: RawRecord, opts: { realNames?: boolean } = {}): ExportModel {
  const { names, unname } = namesOf(raw, Boolean(opts.realNames));
  const byId = new Map(raw.participants.map((p) => [p.id, p]));
  const known = new Set(raw.groups.map((g) => g.id));
  const extra = raw.workGroups.filter((g) => !known.has(g.id) && (known.add(g.id), true));
  const groups = [...raw.groups, ...extra.map((g, i) => ({ id: g.id, name: g.name, order: 1000 + i }))];
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const dayOf = new Map(raw.programme.map((s) => [s.id, s.day]));
  const author = (id: string | null): string =>
    id === null
      ? 'anonymous'
      : (names.participant.get(id) ?? (id === 'facilitator' || id === 'researcher' ? id : 'unknown'));
  const actor = (a: string): string => {
    const m = /^participant:(.+)$/.exec(a);
    return m ? (names.participant.get(m[1] ?? '') ?? 'participant') : a;
  };
  const prov = (p: Provenance | undefined): ExportProvenance => ({
    createdBy: p ? actor(p.createdBy) : 'unknown',
    loggedAt: p ? iso(p.loggedAt) : null,
    edits: p?.edits ?? 0,
    lastEditedAt: p?.lastEditedAt ? iso(p.lastEditedAt) : null,
    editors: (p?.editors ?? []).map(actor),
  });
  const damaged: DamagedEntry[] = raw.damaged.map((d) => ({ ...d, text: d.text === null ? null : unname(d.text) }));
  // One entry that still fails to convert is listed as damaged; it never takes the rest of the record with it.
  const each = <T, R>(list: T[], type: DamagedEntry['type'], f: (x: T) => R): R[] =>
    list.flatMap((x) => {
      try {
        return [f(x)];
      } catch (err) {
        const v = x as { id?: unknown; text?: unknown };
        damaged.push({
          type,
          id: String(v.id),
          reason: err instanceof Error ? err.message : 'could not be converted',
          text: typeof v.text === 'string' ? unname(v.text) : null,
        });
        return [];
      }
    });
  const items: ExportItem[] = each(raw.items, 'item', (it) => {
    const own = Object.fromEntries(Object.entries(it).filter(([k]) => !BASE.has(k)));
    const fields = scrub(own, names.participant, unname) as Record<string, unknown>;
    const scrubbed: Item = { ...it, ...fields };
    const text: unknown = itemExportText(scrubbed);
    const uploadId = [it.uploadId, it.photoId].find((v): v is string => typeof v === 'string' && v.length > 0) ?? null;
    const stored = uploadId ? raw.uploads?.get(uploadId) : undefined;
    // A stored photo leaves re-checked for metadata, as it was at upload (server/images/stripMetadata.ts).
    const picture: unknown = stored
      ? `data:${stored.mime};base64,${Buffer.from(stripImageMetadata(stored.data, stored.mime)).toString('base64')}`
      : (itemExportImage(scrubbed) ?? null);
    // A picture inside an item leaves without its metadata (EXIF, GPS): server/images/stripMetadata.ts.
    const image = typeof picture === 'string' ? stripDataUrl(picture) || null : picture;
    if (typeof text !== 'string') throw new Error('its text is not a text');
    if (image !== null && typeof image !== 'string') throw new Error('its picture is not a text');
    return {
      id: it.id,
      kind: it.kind,
      day: dayOf.get(it.sessionId) ?? null,
      sessionId: it.sessionId,
      groupId: it.groupId,
      group: it.groupId ? (groupName.get(it.groupId) ?? null) : null,
      author:
        it.authorId === 'researcher'
          ? (names.researcher.get(String((it as { researcherName?: unknown }).researcherName)) ?? 'researcher')
          : author(it.authorId),
      side: (it.authorId && byId.get(it.authorId)?.side) || null,
      text,
      image,
      upload: stored ? uploadId : null,
      createdAt: iso(it.createdAt),
      updatedAt: iso(it.updatedAt),
      hidden: Boolean(it.hidden),
      mergedInto: it.mergedInto ?? null,
      fields,
      provenance: prov(raw.itemProvenance.get(it.id)),
    };
  });
  // A text that refers to another item or a group by id ("+1 op kracht i660…") names it instead: the item's own
  // text (first words, in quotes) or the group's name, so a transcript reads without looking ids up.
  const titles = new Map<string, string>(groups.map((g) => [g.id, g.name]));
  for (const it of items) {
    const words = [...it.text.replace(/\s+/g, ' ').trim()];
    if (words.length > 0) titles.set(it.id, `“${words.slice(0, 40).join('')}${words.length > 40 ? '…' : ''}”`);
  }
  const ids = [...titles.keys()].filter((id) => id.length >= 6).sort((a, b) => b.length - a.length);
  if (ids.length > 0) {
    const re = new RegExp(
      `(?<![A-Za-z0-9_-])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_-])`,
      'g',
    );
    const own = new Map(items.map((it) => [it.id, it.text]));
    for (const it of items)
      it.text = (own.get(it.id) ?? it.text).replace(re, (id) => (id === it.id ? id : (titles.get(id) ?? id)));
  }
  const observations: ExportObservation[] = each(raw.observations, 'observation', (o) => ({
    id: o.id,
    researcher: names.researcher.get(o.researcherName) ?? 'R?',
    time: iso(o.time),
    day: dayOf.get(o.sessionId) ?? null,
    sessionId: o.sessionId,
    groupId: o.groupId,
    group: o.groupId ? (groupName.get(o.groupId) ?? null) : null,
    speakers: o.speakers.map((s) => names.participant.get(s) ?? 'unknown'),
    codes: [...o.codes],
    quote: o.quote,
    text: unname(o.text),
    links: [...o.links],
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    provenance: prov(raw.observationProvenance.get(o.id)),
  }));
  return {
    schema: 'werkplaats-export',
    version: EXPORT_SCHEMA_VERSION,
    workshop: {
      id: raw.workshopId,
      title: raw.meta.title,
      createdAt: iso(raw.meta.createdAt),
      source: raw.meta.source,
      timeZone: validTimeZone(raw.meta.timeZone) ?? DEFAULT_TIME_ZONE,
    },
    programme: raw.programme.map((s) => ({ id: s.id, day: s.day, kind: s.kind, grouping: s.grouping, title: s.title })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, order: g.order })),
    participants: [...raw.participants]
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
      .map((p) => ({
        pseudonym: names.participant.get(p.id) ?? 'unknown',
        groupId: p.groupId,
        group: groupName.get(p.groupId) ?? '',
        side: p.side,
        joinedAt: iso(p.joinedAt),
        consentAt: p.consentAt ? iso(p.consentAt) : null,
        consentVersion: p.consentVersion ?? null,
      })),
    researchers: [...new Set(names.researcher.values())]
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b))
      .map((pseudonym) => ({ pseudonym })),
    codebook: each(raw.codebook, 'code', (c) => ({
      ...c,
      createdAt: iso(c.createdAt),
      createdBy: c.createdBy
        ? (names.researcher.get(c.createdBy) ??
          (opts.realNames ? c.createdBy : raw.researcherPseudonyms?.get(c.createdBy)) ??
          'researcher')
        : null,
    })),
    items,
    observations,
    damaged,
  };
}
