import { readExerciseStates, readGroups, readMeta, readParticipants, readProgramme } from '../../shared/controlDoc';
import { workGroupsOf } from '../../shared/research/workGroups';
import * as Y from 'yjs';
import { assignResearcherPseudonyms, readResearcherPseudonyms, RESEARCH } from '../../shared/research/researchDoc';
import { serverOrigin } from '../sync/origins';
import { checkedCodes, checkedItems, checkedObservations } from '../../shared/research/recordCheck';
import { DEFAULT_CODEBOOK } from '../../shared/research/codebook';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { notFound } from '../errors';
import type { RawRecord } from './model';
import { provenanceOf } from './provenance';

export const docName = (workshopId: string, doc: 'control' | 'board' | 'research') => `${workshopId}/${doc}`;

const UPLOAD_ID = /^u[a-z0-9]{6,30}$/;

/** One stored photo by its upload id (null when it is gone: erased with its uploader, or never stored). */
export type UploadReader = (uploadId: string) => Promise<{ mime: string; data: Uint8Array } | null>;

/** The workshop's stored photos that items refer to (absent ones are left out). */
async function readUploads(read: UploadReader, items: Array<Record<string, unknown>>) {
  const out = new Map<string, { mime: string; data: Uint8Array }>();
  const ids = new Set(
    items
      .flatMap((it) => [it.uploadId, it.photoId])
      .filter((v): v is string => typeof v === 'string' && UPLOAD_ID.test(v)),
  );
  for (const id of ids) {
    try {
      const found = await read(id);
      if (!found) continue;
      if (found.mime !== 'image/jpeg' && found.mime !== 'image/png' && found.mime !== 'image/webp') continue;
      out.set(id, found);
    } catch {
      // Erased with its uploader, or never stored: the item keeps its text.
    }
  }
  return out;
}

/**
 * Reads a workshop's three documents (as loaded now) and their logs into the raw record the exports start from;
 * with `readUpload` (the workshop's stored photos) also the photos items refer to.
 */
export async function loadRecord(
  hub: DocHub,
  storage: Storage,
  workshopId: string,
  opts: { readUpload?: UploadReader } = {},
): Promise<RawRecord> {
  const [control, board, research] = await Promise.all([
    hub.get(docName(workshopId, 'control')),
    hub.get(docName(workshopId, 'board')),
    hub.get(docName(workshopId, 'research')),
  ]);
  try {
    // Wait until every accepted update is in the log, so provenance covers all the state we read.
    await Promise.all([board.idle(), research.idle()]);
    const meta = readMeta(control.doc);
    if (!meta) throw notFound('workshop');
    const [boardLog, researchLog] = await Promise.all([storage.readLog(board.name), storage.readLog(research.name)]);
    // Each entry is checked on its own: a damaged one is listed, never allowed to stop the export (docs/export.md).
    const items = checkedItems(board.doc);
    const observations = checkedObservations(research.doc);
    const codes = checkedCodes(research.doc);
    const codebook = codes.codes;
    return {
      workshopId,
      meta,
      programme: readProgramme(control.doc),
      groups: readGroups(control.doc),
      workGroups: Object.values(readExerciseStates(control.doc)).flatMap((state) => workGroupsOf(state)),
      participants: readParticipants(control.doc),
      items: items.items,
      observations: observations.observations,
      // A workshop made before the codebook was seeded still exports the source's codes.
      codebook: codebook.length ? codebook : DEFAULT_CODEBOOK,
      researcherPseudonyms: readResearcherPseudonyms(research.doc),
      uploads: opts.readUpload
        ? await readUploads(opts.readUpload, items.items as Array<Record<string, unknown>>)
        : new Map(),
      itemProvenance: provenanceOf(boardLog, 'items'),
      observationProvenance: provenanceOf(researchLog, RESEARCH.observations),
      damaged: [...items.damaged, ...observations.damaged, ...codes.damaged],
    };
  } finally {
    hub.release(control);
    hub.release(board);
    hub.release(research);
  }
}

/** Researchers who wrote on the board (notes on a role pick…), from its sound items only: a damaged item (no id, a
 * time from the future) must not stop the export it comes before. */
export function researcherWriters(board: Y.Doc): Array<{ researcherName: string; createdAt: number }> {
  return checkedItems(board).items.flatMap((it) => {
    const name = (it as { researcherName?: unknown }).researcherName;
    return typeof name === 'string' && name.trim() ? [{ researcherName: name, createdAt: Number(it.createdAt) }] : [];
  });
}

/**
 * Stores a pseudonym (R1, R2…) for every researcher who wrote and has none yet (`assignResearcherPseudonyms`), in the
 * live research document: before a replay or an erasure reads or changes the record, so the numbers are given once
 * and every later export uses the same. (An export gives them in its export process and the server stores them after:
 * `storeResearcherPseudonyms`.)
 */
export async function assignResearchers(hub: DocHub, workshopId: string): Promise<void> {
  const [board, research] = await Promise.all([
    hub.get(docName(workshopId, 'board')),
    hub.get(docName(workshopId, 'research')),
  ]);
  try {
    const writers = researcherWriters(board.doc);
    Y.transact(research.doc, () => assignResearcherPseudonyms(research.doc, writers), serverOrigin('pseudonyms'));
    await research.idle();
  } finally {
    hub.release(board);
    hub.release(research);
  }
}

/**
 * Stores pseudonyms an export's worker gave (researcher name → R3) in the live research document, each only if that
 * researcher has none yet and the number is free: the board is never loaded on the main thread for an export.
 */
export async function storeResearcherPseudonyms(
  hub: DocHub,
  workshopId: string,
  given: Array<[string, string]>,
): Promise<void> {
  if (given.length === 0) return;
  const research = await hub.get(docName(workshopId, 'research'));
  try {
    const stored = readResearcherPseudonyms(research.doc);
    const taken = new Set(stored.values());
    const m = research.doc.getMap<unknown>(RESEARCH.researchers);
    Y.transact(
      research.doc,
      () => {
        for (const [name, alias] of given) if (!stored.has(name) && !taken.has(alias)) m.set(name, alias);
      },
      serverOrigin('pseudonyms'),
    );
    await research.idle();
  } finally {
    hub.release(research);
  }
}
