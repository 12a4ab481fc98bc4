import type * as Y from 'yjs';
import { readCodebook, readObservations, RESEARCH } from '../../shared/research/researchDoc';
import { useResearchStore } from './researchStore';

let active: Y.Doc | null = null;

/** The research document this page is connected to (one workshop per page), for the write actions. */
export const getResearchDoc = (): Y.Doc | null => active;
export const setResearchDoc = (doc: Y.Doc | null): void => {
  active = doc;
};

/** Mirrors observations and codes into the research store, once per transaction. Returns the cleanup. */
export function bindResearch(doc: Y.Doc): () => void {
  const observations = doc.getMap(RESEARCH.observations);
  const codes = doc.getMap(RESEARCH.codes);
  const onObservations = () => useResearchStore.setState({ observations: readObservations(doc) });
  const onCodes = () => useResearchStore.setState({ codes: readCodebook(doc) });
  observations.observe(onObservations);
  codes.observe(onCodes);
  onObservations();
  onCodes();
  return () => {
    observations.unobserve(onObservations);
    codes.unobserve(onCodes);
    useResearchStore.setState({ observations: [], codes: [] });
  };
}
