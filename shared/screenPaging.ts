/** How long the screen shows a page before it turns to the next one. */
export const PAGE_MS = 12_000;

/**
 * The screen's page turns as one counter in the agenda state: `base` turns had happened at server time `at`, and
 * while not paused one more happens every PAGE_MS. Every device showing the screen (the projector, the console's
 * thumbnail) derives its page from it and the server clock, so they show the same page at the same moment.
 */
export interface ScreenTurn {
  base: number;
  at: number;
}

/** How many turns have happened at server time `now` (0 for a screen that never turned). */
export function turnsAt(turn: ScreenTurn | undefined, paused: boolean, now: number): number {
  if (!turn) return paused ? 0 : Math.floor(Math.max(0, now) / PAGE_MS);
  return turn.base + (paused ? 0 : Math.floor(Math.max(0, now - turn.at) / PAGE_MS));
}

/** Server time of the next turn after `now` (while not paused). */
export function nextTurnAt(turn: ScreenTurn | undefined, now: number): number {
  const at = turn?.at ?? 0;
  return at + (Math.floor(Math.max(0, now - at) / PAGE_MS) + 1) * PAGE_MS;
}

/** The page shown after `turns` turns of a view with `pages` pages. */
export const pageOf = (turns: number, pages: number): number => (pages > 0 ? ((turns % pages) + pages) % pages : 0);
