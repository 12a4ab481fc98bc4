import {
  cloneElement,
  isValidElement,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type Key,
  type ReactElement,
  type ReactNode,
} from 'react';
import { nextTurnAt, pageOf, turnsAt } from '../../../shared/screenPaging';
import { useControlStore } from '../../store/controlStore';
import { useLiveStore } from '../../store/liveStore';
import { useScreenT } from './i18n';
import { onPage, pageStarts, pageStartsOfRows, type Extent, type Grid } from './pageBreaks';

/** A card's measured height (margin box) and the element it was measured from. */
interface Measured {
  type: unknown;
  props: Record<string, unknown>;
  height: number;
}

/** Whether a card renders the same as when it was measured: same component, shallowly equal props. */
function unchanged(m: Measured | undefined, el: ReactElement): boolean {
  if (!m || m.type !== el.type) return false;
  const props = el.props as Record<string, unknown>;
  if (m.props === props) return true;
  const a = Object.keys(m.props);
  return a.length === Object.keys(props).length && a.every((k) => Object.is(m.props[k], props[k]));
}

/**
 * The cards, as given (no copies: a wall of 500 notes is read on every update), flattened, each with a unique key.
 */
function cardsOf(children: ReactNode): ReactElement[] {
  const out: ReactElement[] = [];
  const seen = new Set<string>();
  const add = (node: ReactNode) => {
    if (Array.isArray(node)) return node.forEach(add);
    if (!isValidElement(node)) return;
    // A card without a key gets its position; a key that two lists of cards share is made unique.
    let key = node.key ?? `.${out.length}`;
    while (seen.has(key)) key = `${key}~`;
    seen.add(key);
    out.push(key === node.key ? node : cloneElement(node, { key }));
  };
  add(children);
  return out;
}

/** A Grid whose `height` is a page's when the view pages (the count line under it), and `single` the whole pager's. */
interface Layout extends Grid {
  single: number;
}

/**
 * The list's columns, column width and gaps, as its CSS lays them out (one column unless it is a grid), and the
 * heights of a page: the whole pager when everything fits on one page, less the count line when it pages. Both are
 * read from the pager and the count line (rendered, unseen and out of the flow, on a single page), not from the
 * viewport, so the count line appearing under the second page does not change the pages it is counting.
 */
function gridOf(list: HTMLElement, pager: HTMLElement, count: HTMLElement | null): Layout {
  const s = getComputedStyle(list);
  const tracks =
    s.display.includes('grid') && s.gridTemplateColumns !== 'none'
      ? s.gridTemplateColumns.split(/\s+/).filter((x) => /^[\d.]+px$/.test(x))
      : [];
  const gap = parseFloat(s.rowGap) || 0;
  const c = count && getComputedStyle(count);
  const line = count && c ? count.offsetHeight + (parseFloat(c.marginTop) || 0) + (parseFloat(c.marginBottom) || 0) : 0;
  return {
    cols: Math.max(1, tracks.length),
    ownHeights: tracks.length <= 1 || /start|baseline/.test(s.alignItems),
    colWidth: tracks.length ? parseFloat(tracks[0]!) : list.clientWidth,
    gap,
    height: Math.max(0, pager.clientHeight - line),
    single: pager.clientHeight,
  };
}

/** The page breaks: one page if every row fits the whole pager, else pages as high as the count line leaves. */
function breaksOf(heights: readonly number[], grid: Layout): number[] {
  const one = pageStartsOfRows(heights, { ...grid, height: grid.single });
  return one.length > 1 ? pageStartsOfRows(heights, grid) : one;
}

/** (Whole mode) The page breaks among the list's items, as breaksOf. */
function wholeBreaksOf(extents: readonly Extent[], grid: Layout): { starts: number[]; height: number } {
  const one = pageStarts(extents, grid.single);
  return one.length > 1
    ? { starts: pageStarts(extents, grid.height), height: grid.height }
    : { starts: one, height: grid.single };
}

const sameGrid = (a: Grid | null, b: Grid) =>
  !!a &&
  a.ownHeights === b.ownHeights &&
  a.cols === b.cols &&
  Math.abs(a.colWidth - b.colWidth) < 0.5 &&
  Math.abs(a.gap - b.gap) < 0.5;

/** The margin-box height of a card as laid out (in CSS pixels, also inside the console's scaled thumbnail). */
function heightOf(el: HTMLElement): number {
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const unscaled = r.width > 0 ? r.height * (el.offsetWidth / r.width) : el.offsetHeight;
  return unscaled + (parseFloat(s.marginTop) || 0) + (parseFloat(s.marginBottom) || 0);
}

/**
 * A list of cards that never cuts one off, rendering only the page on view. Each card's height is measured once (in
 * place when it is new on the page on view, else in a hidden one-column list at the real column width; again when its
 * props change) and kept by key; the page
 * breaks follow from those heights and the list's columns without laying out the other pages, so a wall of 500
 * notes that gets one more lays out one card, not 500. The page shown follows the shared turn counter
 * (shared/screenPaging.ts), so the projector and the console's thumbnail show the same page; "2 / 4" says where the
 * room is. A card whose real height outgrows its measurement (an image that loaded) is measured again.
 */
export function Pager({
  children,
  label,
  className = '',
  ordered = false,
  testId,
}: {
  children: ReactNode;
  label: string;
  className?: string;
  ordered?: boolean;
  /** The list's test id. */
  testId?: string;
}) {
  const t = useScreenT();
  const box = useRef<HTMLDivElement>(null);
  const count = useRef<HTMLParagraphElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  const measurer = useRef<HTMLUListElement>(null);
  const measured = useRef(new Map<Key, Measured>());
  const [grid, setGrid] = useState<Layout | null>(null);
  const [, remeasured] = useReducer((n: number) => n + 1, 0);
  // Whole mode: a card renders several list items (or none), so cards cannot be measured one by one; then every card
  // is rendered and the list's items are paged as they lie (fine for the short lists that do this).
  const [whole, setWhole] = useState(false);
  const [wholeStarts, setWholeStarts] = useState<number[]>([0]);

  // The same children (a view that keeps its card list while nothing in it changed) give the same cards.
  const flat = useRef<{ children: ReactNode; cards: ReactElement[] } | null>(null);
  if (!flat.current || flat.current.children !== children) flat.current = { children, cards: cardsOf(children) };
  const cards = flat.current.cards;
  const fresh = grid && !whole ? cards.filter((c) => !unchanged(measured.current.get(c.key!), c)) : [];
  // A card not measured yet counts as an average one until it is, right after this render (so the page on view
  // keeps its cards meanwhile, and the next render usually changes nothing).
  let sum = 0;
  for (const m of measured.current.values()) sum += m.height;
  const guess = measured.current.size ? sum / measured.current.size : 0;
  const heights = cards.map((c) => measured.current.get(c.key!)?.height ?? guess);
  const starts = grid && !whole ? breaksOf(heights, grid) : [0];
  const pages = whole ? wholeStarts.length : starts.length;

  // Which page: the shared turn counter at the server's time; re-rendered at each turn.
  const paused = useControlStore((s) => s.state?.screenPaused === true);
  const turn = useControlStore((s) => s.state?.screenTurn);
  const offset = useLiveStore((s) => s.clockOffset);
  const [tick, setTick] = useState(0);
  const now = Date.now() + offset;
  const current = pageOf(turnsAt(turn, paused, now), pages);
  useEffect(() => {
    if (pages < 2 || paused) return;
    const wait = nextTurnAt(turn, Date.now() + offset) - (Date.now() + offset);
    const id = window.setTimeout(() => setTick((n) => n + 1), Math.max(0, wait) + 5);
    return () => window.clearTimeout(id);
  }, [pages, paused, turn, offset, tick]);

  const from = whole ? 0 : (starts[current] ?? 0);
  const to = whole ? cards.length : (starts[current + 1] ?? cards.length);
  const shown = grid ? cards.slice(from, to) : [];
  // New cards on the page on view are measured where they are (when the list does not stretch them), the others in
  // the hidden measuring list.
  const onView = new Set(grid?.ownHeights ? shown.map((c) => c.key) : []);
  const offView = fresh.filter((c) => !onView.has(c.key));

  // After every render: the new cards' heights (laying out only them and the page on view), and the geometry the
  // first time or when the list's class changed.
  const gridClass = useRef<string | null>(null);
  const afterRender = useRef(() => {});
  afterRender.current = () => {
    const b = box.current;
    const l = list.current;
    if (!b || !l) return;
    if (!grid || gridClass.current !== className) {
      gridClass.current = className;
      const g = gridOf(l, b, count.current);
      if (!sameGrid(grid, g)) measured.current.clear();
      setGrid(g);
      return;
    }
    if (whole) {
      pageWhole(l, gridOf(l, b, count.current));
      return;
    }
    const m = measurer.current;
    if (l.children.length !== shown.length || (m && m.children.length !== offView.length)) {
      setWhole(true);
      return;
    }
    if (measured.current.size > cards.length + 50) {
      // Forget the cards that left (deleted, hidden), so the average stays the present cards'.
      const present = new Set<Key | null>(cards.map((c) => c.key));
      for (const k of measured.current.keys()) if (!present.has(k)) measured.current.delete(k);
    }
    if (fresh.length === 0) return;
    const record = (c: ReactElement, el: Element | undefined) => {
      if (el instanceof HTMLElement)
        measured.current.set(c.key!, { type: c.type, props: c.props as Record<string, unknown>, height: heightOf(el) });
    };
    shown.forEach(
      (c, i) => onView.has(c.key) && !unchanged(measured.current.get(c.key!), c) && record(c, l.children[i]),
    );
    offView.forEach((c, i) => record(c, m?.children[i]));
    // Only when the measuring list holds cards (to empty it) or the pages came out other than guessed.
    const exact = breaksOf(
      cards.map((c) => measured.current.get(c.key!)?.height ?? 0),
      grid,
    );
    if (offView.length > 0 || exact.length !== starts.length || exact.some((x, i) => x !== starts[i])) remeasured();
  };
  useLayoutEffect(() => afterRender.current());

  /** Whole mode: finds the page breaks among the list's items and hides every item not wholly on the page on view. */
  const pageWhole = (l: HTMLElement, g: Layout) => {
    const items = Array.from(l.children) as HTMLElement[];
    const extents = items.map((c) => ({ top: c.offsetTop, bottom: c.offsetTop + c.offsetHeight }));
    const { starts: next, height } = wholeBreaksOf(extents, g);
    if (next.length !== wholeStarts.length || next.some((x, i) => x !== wholeStarts[i])) setWholeStarts(next);
    const start = next[pageOf(turnsAt(turn, paused, Date.now() + offset), next.length)] ?? 0;
    l.style.transform = start ? `translateY(${-start}px)` : '';
    items.forEach((c, i) => {
      const on = onPage(extents[i]!, start, height);
      if (on === !c.hasAttribute('data-paged-out')) return;
      if (on) {
        c.removeAttribute('data-paged-out');
        c.removeAttribute('aria-hidden');
      } else {
        c.setAttribute('data-paged-out', '');
        c.setAttribute('aria-hidden', 'true');
      }
    });
  };

  // When the viewport or the page on view changes size (after layout, so reading it costs nothing): a new column
  // width measures every card again, a new height pages anew, and a page on view that overflows after all (an image
  // that loaded) has its cards keep their real, larger heights.
  const resized = useRef(() => {});
  resized.current = () => {
    const b = box.current;
    const v = viewport.current;
    const l = list.current;
    if (!b || !v || !l || !grid) return;
    const g = gridOf(l, b, count.current);
    if (whole) {
      pageWhole(l, g);
      return;
    }
    if (!sameGrid(grid, g)) {
      measured.current.clear();
      setGrid(g);
      return;
    }
    if (Math.abs(g.height - grid.height) >= 0.5 || Math.abs(g.single - grid.single) >= 0.5) {
      setGrid(g);
      return;
    }
    if (l.offsetHeight <= v.clientHeight + 1 || shown.length <= g.cols) return;
    let grew = false;
    (Array.from(l.children) as HTMLElement[]).forEach((el, i) => {
      const m = measured.current.get(shown[i]?.key ?? '');
      const h = heightOf(el);
      if (m && h > m.height + 0.5) {
        m.height = h;
        grew = true;
      }
    });
    if (grew) remeasured();
  };
  useEffect(() => {
    const ro = new ResizeObserver(() => resized.current());
    if (viewport.current) ro.observe(viewport.current);
    if (list.current) ro.observe(list.current);
    return () => ro.disconnect();
  }, []);

  const List = ordered ? 'ol' : 'ul';
  return (
    <div
      className="pager"
      ref={box}
      style={{ position: 'relative' }}
      data-testid="pager"
      data-page={current}
      data-pages={pages}
      data-paused={paused}
    >
      <div className="pager__viewport" ref={viewport}>
        <List
          className={`pager__list ${className}`}
          ref={list}
          aria-label={label}
          data-testid={testId}
          data-cards={whole ? undefined : cards.length}
          start={ordered && from > 0 ? from + 1 : undefined}
        >
          {shown}
        </List>
        {grid && !whole && (
          <ul
            className={`pager__list pager__measure ${className}`}
            ref={measurer}
            style={{ width: grid?.colWidth, display: 'block' }}
            aria-hidden="true"
            inert
          >
            {offView}
          </ul>
        )}
      </div>
      {/* On a single page the count line is there only to be measured: unseen, and taking no room from the cards. */}
      <p
        className="pager__count"
        ref={count}
        data-testid={pages > 1 ? 'pager-count' : undefined}
        style={pages > 1 ? undefined : { position: 'absolute', left: 0, right: 0, bottom: 0, visibility: 'hidden' }}
      >
        <span aria-hidden="true">
          {current + 1} / {pages}
          {paused && ` · ${t('paused')}`}
        </span>
        <span className="visually-hidden">{t('page', { n: current + 1, total: pages })}</span>
        <span className="pager__dots" aria-hidden="true">
          {Array.from({ length: pages }, (_, i) => (
            <span key={i} className={`pager__dot ${i === current ? 'pager__dot--on' : ''}`} />
          ))}
        </span>
      </p>
    </div>
  );
}
