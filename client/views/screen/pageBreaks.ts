/** How a paged list lays its cards out: columns of one width, the gap between rows, the height of a page. */
export interface Grid {
  cols: number;
  /** Whether a card on the page keeps its own height (one column, or rows aligned at the start, not stretched). */
  ownHeights?: boolean;
  colWidth: number;
  gap: number;
  height: number;
}

/**
 * Where each page starts (an index into the cards), from the cards' heights in document order: the cards fill rows
 * of `cols` (a row is as tall as its tallest card), and a page takes every row that ends within its height; the next
 * page starts at the first row that does not. A row is never split; a row taller than a page has a page of its own
 * (cut, which the screen tests catch) rather than none.
 */
export function pageStartsOfRows(heights: readonly number[], grid: Grid): number[] {
  const starts = [0];
  const cols = Math.max(1, Math.floor(grid.cols));
  let used = 0;
  for (let i = 0; i < heights.length; i += cols) {
    let row = 0;
    for (let j = i; j < Math.min(i + cols, heights.length); j++) row = Math.max(row, heights[j]!);
    const needed = used === 0 ? row : used + grid.gap + row;
    if (used > 0 && needed > grid.height + 0.5) {
      starts.push(i);
      used = row;
    } else used = needed;
  }
  return starts;
}

/** (Whole mode, for cards that render several list items.) A card's vertical extent inside the paged list, in CSS pixels. */
export interface Extent {
  top: number;
  bottom: number;
}

/**
 * Where each page starts (an offset into the list), given the cards in document order and the viewport's height:
 * a page takes every card that ends within it, and the next page starts at the top of the first card (row) that
 * does not. Cards in one grid row share a top, so a row is never split.
 */
export function pageStarts(cards: readonly Extent[], height: number): number[] {
  const starts = [0];
  let start = cards[0]?.top ?? 0;
  starts[0] = start;
  for (const c of cards) {
    if (c.bottom - start > height + 0.5 && c.top > start) {
      start = c.top;
      starts.push(start);
    }
  }
  return starts;
}

/**
 * Whether a card lies wholly on the page that starts at `start`; a card taller than a page is shown on its own page
 * (cut, which the screen tests catch) rather than never.
 */
export const onPage = (c: Extent, start: number, height: number): boolean =>
  c.top >= start - 0.5 && (c.bottom <= start + height + 0.5 || Math.abs(c.top - start) <= 0.5);
