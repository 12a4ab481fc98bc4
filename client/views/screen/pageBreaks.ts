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
