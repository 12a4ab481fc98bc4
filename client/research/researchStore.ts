import { create } from 'zustand';
import type { Code } from '../../shared/research/codebook';
import type { Observation } from '../../shared/research/researchDoc';

/** Read-only mirror of the research document: observations (oldest first) and the codebook (in order). */
export interface ResearchStore {
  observations: Observation[];
  codes: Code[];
}

export const useResearchStore = create<ResearchStore>(() => ({ observations: [], codes: [] }));
