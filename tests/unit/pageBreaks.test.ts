import { describe, expect, it } from 'vitest';
import { onPage, pageStarts, pageStartsOfRows, type Grid } from '../../client/views/screen/pageBreaks';
import { nextTurnAt, PAGE_MS, pageOf, turnsAt } from '../../shared/screenPaging';

const grid = (cols: number, height = 300, gap = 10): Grid => ({ cols, colWidth: 200, gap, height });

describe('screen page breaks', () => {
  it('keeps everything on one page when it fits', () => {
    expect(pageStartsOfRows([100, 100, 100, 100, 100, 100], grid(3))).toEqual([0]);
  });

  it('starts a new page at the first row that does not fit, never splitting a row', () => {
    // Rows of 100, 150 (its tallest card) and 80: 100 + 10 + 150 = 260 fits 300, + 10 + 80 does not.
    const heights = [100, 60, 100, 150, 20, 30, 80, 80, 10];
    const starts = pageStartsOfRows(heights, grid(3));
    expect(starts).toEqual([0, 6]);
    // Each page begins at a row.
    for (const s of starts) expect(s % 3).toBe(0);
  });

  it('gives a row taller than a page a page of its own, shown rather than skipped', () => {
    expect(pageStartsOfRows([100, 500, 100], grid(1))).toEqual([0, 1, 2]);
  });

  it('counts the gap between rows, and none above the first row of a page', () => {
    expect(pageStartsOfRows([145, 145], grid(1, 300, 10))).toEqual([0]);
    expect(pageStartsOfRows([145, 146], grid(1, 300, 10))).toEqual([0, 1]);
    expect(pageStartsOfRows([300, 300, 300], grid(1, 300, 10))).toEqual([0, 1, 2]);
  });

  it('has no pages to turn for an empty list', () => {
    expect(pageStartsOfRows([], grid(3))).toEqual([0]);
  });
});

const row = (top: number, height: number, n = 1) => Array.from({ length: n }, () => ({ top, bottom: top + height }));

describe('page breaks among laid-out items (whole mode)', () => {
  it('starts a new page at the first row that does not fit, and every item is on exactly one page', () => {
    const cards = [...row(0, 100, 3), ...row(110, 150, 3), ...row(270, 80, 3)];
    const starts = pageStarts(cards, 300);
    expect(starts).toEqual([0, 270]);
    for (const c of cards) expect(starts.filter((s) => onPage(c, s, 300))).toHaveLength(1);
  });

  it('gives an item taller than a page a page of its own', () => {
    const cards = [...row(0, 100), ...row(110, 500), ...row(620, 100)];
    expect(pageStarts(cards, 300)).toEqual([0, 110, 620]);
    expect(onPage(cards[1]!, 110, 300)).toBe(true);
  });
});

describe('the shared page turns', () => {
  it('turns once per PAGE_MS after the last change, and not while paused', () => {
    const turn = { base: 4, at: 1_000_000 };
    expect(turnsAt(turn, false, turn.at)).toBe(4);
    expect(turnsAt(turn, false, turn.at + PAGE_MS - 1)).toBe(4);
    expect(turnsAt(turn, false, turn.at + PAGE_MS)).toBe(5);
    expect(turnsAt(turn, true, turn.at + 10 * PAGE_MS)).toBe(4);
    expect(nextTurnAt(turn, turn.at + 5)).toBe(turn.at + PAGE_MS);
    expect(nextTurnAt(turn, turn.at + PAGE_MS)).toBe(turn.at + 2 * PAGE_MS);
  });

  it('maps any number of turns, also negative ones (previous), onto the pages', () => {
    expect(pageOf(5, 3)).toBe(2);
    expect(pageOf(-1, 3)).toBe(2);
    expect(pageOf(7, 1)).toBe(0);
  });
});
