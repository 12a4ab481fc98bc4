import { useEffect } from 'react';
import type { Session } from '../../shared/programme';
import { summarise, useConnectionStore } from '../store/connectionStore';
import { nextSession } from './nextSession';
import { preloadExerciseView } from './registry';
import type { Surface } from './types';

type IdleWindow = Window & {
  requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Runs `fn` when the page is idle (Safari has no requestIdleCallback: a short timeout instead); returns the cancel. */
function whenIdle(fn: () => void): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(fn, { timeout: 5000 });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = window.setTimeout(fn, 1000);
  return () => window.clearTimeout(id);
}

/**
 * Once the page is online, the current session's view has arrived and the page is idle, downloads the next session's
 * view of the same surface, so a phone on bad Wi-Fi does not wait for it when the facilitator moves on.
 */
export function usePreloadNext(surface: Surface, programme: readonly Session[], current: Session | undefined): void {
  const nextKind = nextSession(programme, current?.id)?.kind;
  const currentKind = current?.kind;
  // Not while connecting: the first sync matters more than the next session.
  const online = useConnectionStore((s) => summarise(s).state === 'online');
  useEffect(() => {
    if (!online || !currentKind || !nextKind || nextKind === currentKind) return;
    let cancel: (() => void) | null = null;
    let live = true;
    void preloadExerciseView(currentKind, surface).then(() => {
      if (live) cancel = whenIdle(() => void preloadExerciseView(nextKind, surface));
    });
    return () => {
      live = false;
      cancel?.();
    };
  }, [surface, currentKind, nextKind, online]);
}
