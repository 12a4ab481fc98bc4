import { useControlStore } from '../../store/controlStore';

/** The cooperation (group id) or card the facilitator focused on the screen, if any (`screen.focus`). */
export const useScreenFocus = (): string | null => useControlStore((s) => s.state?.screenFocusId ?? null);

/** Splits a list into parts of at most `n` (one empty part for an empty list), so one card never outgrows a page. */
export const chunk = <T>(xs: readonly T[], n: number): T[][] =>
  xs.length === 0 ? [[]] : Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
