import type * as Y from 'yjs';
import { checkedCodes, checkedObservations, type DamagedEntry } from '../../shared/research/recordCheck';
import { RESEARCH } from '../../shared/research/researchDoc';
import { useResearchStore } from './researchStore';

let active: Y.Doc | null = null;

/** The research document this page is connected to (one workshop per page), for the write actions. */
export const getResearchDoc = (): Y.Doc | null => active;
export const setResearchDoc = (doc: Y.Doc | null): void => {
  active = doc;
};

/** Mirrors observations and codes into the research store, once per change. Returns the cleanup. */
export function bindResearch(doc: Y.Doc): () => void {
  const observations = doc.getMap(RESEARCH.observations);
  const codes = doc.getMap(RESEARCH.codes);
  // Each entry is checked: a damaged one is kept apart (and named in a notice), so it never blanks the console.
  let damagedObservations: DamagedEntry[] = [];
  let damagedCodes: DamagedEntry[] = [];
  const onObservations = () => {
    const o = checkedObservations(doc);
    damagedObservations = o.damaged;
    useResearchStore.setState({ observations: o.observations, damaged: [...damagedObservations, ...damagedCodes] });
  };
  const onCodes = () => {
    const c = checkedCodes(doc);
    damagedCodes = c.damaged;
    useResearchStore.setState({ codes: c.codes, damaged: [...damagedObservations, ...damagedCodes] });
  };
  observations.observe(onObservations);
  codes.observe(onCodes);
  onObservations();
  onCodes();
  return () => {
    observations.unobserve(onObservations);
    codes.unobserve(onCodes);
    useResearchStore.setState({ observations: [], codes: [], damaged: [] });
  };
}
