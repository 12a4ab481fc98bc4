import { useState } from 'react';

// The same key the day-two exercises' researcher bar uses, so a name typed once is known in both.
const KEY = 'werkplaats:researcher-name';

/** The researcher's own name, remembered on this device (researchers share one link, so the name tells them apart). */
export function useResearcherName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  });
  const set = (n: string) => {
    setName(n);
    try {
      window.localStorage.setItem(KEY, n);
    } catch {
      // Private mode: kept for this page only.
    }
  };
  return [name, set];
}
