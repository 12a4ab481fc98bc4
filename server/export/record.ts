import { readExerciseStates, readGroups, readMeta, readParticipants, readProgramme } from '../../shared/controlDoc';
import { workGroupsOf } from '../../shared/research/workGroups';
import { RESEARCH } from '../../shared/research/researchDoc';
import { checkedCodes, checkedItems, checkedObservations } from '../../shared/research/recordCheck';
import { DEFAULT_CODEBOOK } from '../../shared/research/codebook';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { notFound } from '../errors';
import type { RawRecord } from './model';
import { provenanceOf } from './provenance';

export const docName = (workshopId: string, doc: 'control' | 'board' | 'research') => `${workshopId}/${doc}`;

/** Reads a workshop's three documents (as loaded now) and their logs into the raw record the exports start from. */
export async function loadRecord(hub: DocHub, storage: Storage, workshopId: string): Promise<RawRecord> {
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
