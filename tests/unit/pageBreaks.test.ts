import { describe, expect, it } from 'vitest';
import { onPage, pageStarts } from '../../client/views/screen/pageBreaks';

const row = (top: number, height: number, n = 1) => Array.from({ length: n }, () => ({ top, bottom: top + height }));

describe('screen page breaks', () => {
  it('keeps everything on one page when it fits', () => {
    expect(pageStarts([...row(0, 100, 3), ...row(110, 100, 3)], 300)).toEqual([0]);
  });

  it('starts a new page at the first row that does not fit, never splitting a row', () => {
    const cards = [...row(0, 100, 3), ...row(110, 150, 3), ...row(270, 80, 3)];
    const starts = pageStarts(cards, 300);
    expect(starts).toEqual([0, 270]);
    // Every card is wholly on exactly one page.
    for (const c of cards) expect(starts.filter((s) => onPage(c, s, 300))).toHaveLength(1);
  });

  it('gives a card taller than a page a page of its own, shown rather than skipped', () => {
    const cards = [...row(0, 100), ...row(110, 500), ...row(620, 100)];
    const starts = pageStarts(cards, 300);
    expect(starts).toEqual([0, 110, 620]);
    expect(onPage(cards[1]!, 110, 300)).toBe(true);
  });

  it('has no pages to turn for an empty list', () => {
    expect(pageStarts([], 300)).toEqual([0]);
  });
});
