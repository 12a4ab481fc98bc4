import { useSyncExternalStore } from 'react';

const KEY = 'werkplaats:researcherName';
const listeners = new Set<() => void>();

const readName = (): string => {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // Private mode may forbid storage; the name then lasts for this page only.
  }
};

/**
 * The researcher's own name, remembered on this device (researchers share one link, so the name tells them apart).
 * One store for every view: the research console asks for it, exercises follow the cooperation assigned to it.
 */
export function useResearcherName(): [string, (name: string) => void] {
  const name = useSyncExternalStore(
    (cb) => (listeners.add(cb), () => listeners.delete(cb)),
    readName,
    () => '',
  );
  const set = (next: string) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Not remembered beyond this page.
    }
    listeners.forEach((l) => l());
  };
  return [name, set];
}
