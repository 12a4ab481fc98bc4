/** A card's vertical extent inside the paged list, in CSS pixels. */
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
