import * as Y from 'yjs';
import { z } from 'zod';
import { LIMITS } from '../limits';
import { DEFAULT_CODEBOOK, type Code } from './codebook';

/** Shared names inside the research document (`<workshop>/research`, DESIGN.md §3: staff only). */
export const RESEARCH = { observations: 'observations', codes: 'codes', researchers: 'researchers' } as const;

/** One researcher's observation note, time-stamped, with speakers, codes and links to board items. */
export interface Observation {
  id: string;
  /** The researcher's own name as typed in the console; exported only as a pseudonym (R1, R2, …). */
  researcherName: string;
  /** When the observed moment happened (the first keystroke of the note), ms since epoch. */
  time: number;
  sessionId: string;
  groupId: string | null;
  /** Participant ids of who spoke. */
  speakers: string[];
  /** Code ids from the codebook. */
  codes: string[];
  /** Verbatim speech rather than the researcher's own words. */
  quote: boolean;
  text: string;
  /** Board item ids this note is about. */
  links: string[];
  createdAt: number;
  updatedAt: number;
}

export const observationSchema = z.object({
  id: z.string().min(1).max(40),
  researcherName: z.string().trim().min(1).max(LIMITS.name),
  time: z.number().int().nonnegative(),
  sessionId: z.string().min(1).max(40),
  groupId: z.string().max(40).nullable(),
  speakers: z.array(z.string().max(40)).max(50),
  codes: z.array(z.string().max(80)).max(100),
  quote: z.boolean(),
  text: z.string().trim().min(1).max(4000),
  links: z.array(z.string().max(40)).max(50),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

const observationsMap = (doc: Y.Doc) => doc.getMap<Observation>(RESEARCH.observations);
const codesMap = (doc: Y.Doc) => doc.getMap<Code>(RESEARCH.codes);

/** Every observation, oldest first (by observed time, then id). */
export function readObservations(doc: Y.Doc): Observation[] {
  return [...observationsMap(doc).values()].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

/** Adds or replaces an observation (a note is replaced whole; edits are counted from the update log). */
export const putObservation = (doc: Y.Doc, o: Observation): void => {
  observationsMap(doc).set(o.id, o);
};

export const deleteObservation = (doc: Y.Doc, id: string): void => observationsMap(doc).delete(id);

/** The codebook in its order: the source's default codes first, then researchers' own by creation. */
export function readCodebook(doc: Y.Doc): Code[] {
  const codes = [...codesMap(doc).values()];
  return codes.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export const putCode = (doc: Y.Doc, c: Code): void => {
  codesMap(doc).set(c.id, c);
};

/** Puts the default codebook into the document; codes already there are kept (ids are stable, so this is idempotent). */
export function seedCodebook(doc: Y.Doc, now: number): void {
  const codes = codesMap(doc);
  for (const c of DEFAULT_CODEBOOK) if (!codes.has(c.id)) codes.set(c.id, { ...c, createdAt: now });
}

/**
 * Researchers' pseudonyms (R1, R2…), keyed by the name a researcher types in the console; written by the server
 * alone, once per name, and never renumbered (docs/export.md, "Pseudonyms").
 */
export const readResearcherPseudonyms = (doc: Y.Doc): Map<string, string> => {
  const m = doc.getMap<unknown>(RESEARCH.researchers);
  return new Map([...m.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
};

/**
 * Gives every researcher who wrote (an observation, or a board item carrying `researcherName`) and has no pseudonym
 * yet the next one, in the order of their first note. Returns whether it assigned any; call it in a server
 * transaction. Numbers already given are kept, so a later erasure or export renumbers no one.
 */
export function assignResearcherPseudonyms(
  research: Y.Doc,
  boardWriters: Array<{ researcherName: string; createdAt: number }> = [],
): boolean {
  const m = research.getMap<unknown>(RESEARCH.researchers);
  const stored = readResearcherPseudonyms(research);
  let next = Math.max(0, ...[...stored.values()].map((v) => Number(/^R(\d+)$/.exec(v)?.[1] ?? 0)));
  const writers = [
    ...[...observationsMap(research).values()]
      .filter((o) => o && typeof o.researcherName === 'string' && Number.isFinite(o.createdAt))
      .sort((a, b) => a.createdAt - b.createdAt || String(a.id).localeCompare(String(b.id))),
    ...[...boardWriters].sort((a, b) => a.createdAt - b.createdAt),
    ...[...codesMap(research).values()]
      .flatMap((c) =>
        c && typeof c.createdBy === 'string' ? [{ researcherName: c.createdBy, createdAt: c.createdAt }] : [],
      )
      .sort((a, b) => a.createdAt - b.createdAt),
  ];
  let assigned = false;
  for (const w of writers) {
    const name = w.researcherName;
    if (!name.trim() || stored.has(name)) continue;
    stored.set(name, `R${++next}`);
    m.set(name, `R${next}`);
    assigned = true;
  }
  return assigned;
}
