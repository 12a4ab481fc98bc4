import { create } from 'zustand';
import type { Code } from '../../shared/research/codebook';
import type { DamagedEntry } from '../../shared/research/recordCheck';
import type { Observation } from '../../shared/research/researchDoc';

/** Read-only mirror of the research document: observations (oldest first) and the codebook (in order). */
export interface ResearchStore {
  observations: Observation[];
  codes: Code[];
  /** Observations and codes that failed their check: not shown as notes, but named in a notice. */
  damaged: DamagedEntry[];
}

export const useResearchStore = create<ResearchStore>(() => ({ observations: [], codes: [], damaged: [] }));
