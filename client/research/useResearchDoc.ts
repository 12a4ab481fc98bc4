import { useEffect } from 'react';
import * as Y from 'yjs';
import { connectDoc } from '../sync/connectDoc';
import { bindResearch, setResearchDoc } from './researchDoc';

/** Connects the research document for as long as the component is mounted (staff only; the server checks). */
export function useResearchDoc(workshopId: string, token: string | null): void {
  useEffect(() => {
    if (!token) return;
    const doc = new Y.Doc();
    const unbind = bindResearch(doc);
    const disconnect = connectDoc({ workshopId, name: 'research', token, doc });
    setResearchDoc(doc);
    return () => {
      setResearchDoc(null);
      disconnect();
      unbind();
      doc.destroy();
    };
  }, [workshopId, token]);
}
