/**
 * The room is writing: a signal for background work that should step aside (server/export/runner.ts pauses the
 * export process for a moment, so a phone's write reaches the screen without sharing the CPU with an export).
 *
 * The sync layer calls `roomWrote()` for every document message a writer sends; whoever does background work
 * subscribes with `onRoomWrite`. Listeners run synchronously on the event loop: they must be cheap (a timer, a signal).
 */
const listeners = new Set<() => void>();

export function onRoomWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function roomWrote(): void {
  for (const l of listeners) l();
}
