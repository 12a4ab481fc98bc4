import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useControlStore } from '../../store/controlStore';
import { useScreenT } from './i18n';
import { onPage, pageStarts } from './pageBreaks';

/** How long the screen shows a page before it turns to the next one. */
export const PAGE_MS = 12_000;

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A list of cards that never cuts one off: it measures (with a ResizeObserver, no fixed counts) which cards fit the
 * space it has, shows one page at a time with "2 / 4", and turns the page every PAGE_MS unless the facilitator paused
 * it; the console's next/previous move it. Cards of other pages are hidden (`data-paged-out`, aria-hidden).
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
  const viewport = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  const [page, setPage] = useState(0);
  const paused = useControlStore((s) => s.state?.screenPaused === true);
  const nudge = useControlStore((s) => s.state?.screenNudge ?? 0);
  const pages = starts.length;
  const current = Math.min(page, pages - 1);
  const currentRef = useRef(current);
  currentRef.current = current;

  /** Measures the cards, finds the page breaks, and hides every card that is not wholly on the current page. */
  const measure = useCallback(() => {
    const v = viewport.current;
    const l = list.current;
    if (!v || !l) return;
    const height = v.clientHeight;
    const cards = Array.from(l.children) as HTMLElement[];
    const extents = cards.map((c) => ({ top: c.offsetTop, bottom: c.offsetTop + c.offsetHeight }));
    const next = pageStarts(extents, height);
    setStarts((prev) => (same(prev, next) ? prev : next));
    const start = next[Math.min(currentRef.current, next.length - 1)] ?? 0;
    l.style.transform = `translateY(${-start}px)`;
    cards.forEach((c, i) => {
      const shown = onPage(extents[i]!, start, height);
      if (shown === !c.hasAttribute('data-paged-out')) return;
      if (shown) {
        c.removeAttribute('data-paged-out');
        c.removeAttribute('aria-hidden');
      } else {
        c.setAttribute('data-paged-out', '');
        c.setAttribute('aria-hidden', 'true');
      }
    });
  }, []);

  // After every render (new cards, a new page): cheap, one layout read for all cards.
  useLayoutEffect(measure);

  useEffect(() => {
    const ro = new ResizeObserver(() => measure());
    if (viewport.current) ro.observe(viewport.current);
    if (list.current) ro.observe(list.current);
    return () => ro.disconnect();
  }, [measure]);

  // The facilitator's next/previous: move by how much the shared counter changed.
  const lastNudge = useRef(nudge);
  useEffect(() => {
    const delta = nudge - lastNudge.current;
    lastNudge.current = nudge;
    if (delta !== 0) setPage((p) => (((Math.min(p, pages - 1) + delta) % pages) + pages) % pages);
  }, [nudge, pages]);

  // Automatic rotation; restarts whenever the page changes, so a page the facilitator chose gets its full time.
  useEffect(() => {
    if (pages < 2 || paused) return;
    const id = window.setTimeout(() => setPage((current + 1) % pages), PAGE_MS);
    return () => window.clearTimeout(id);
  }, [current, pages, paused]);

  const List = ordered ? 'ol' : 'ul';
  return (
    <div className="pager" data-testid="pager" data-page={current} data-pages={pages} data-paused={paused}>
      <div className="pager__viewport" ref={viewport}>
        <List className={`pager__list ${className}`} ref={list} aria-label={label} data-testid={testId}>
          {children}
        </List>
      </div>
      {pages > 1 && (
        <p className="pager__count" data-testid="pager-count">
          <span aria-hidden="true">
            {current + 1} / {pages}
            {paused && ` · ${t('paused')}`}
          </span>
          <span className="visually-hidden">{t('page', { n: current + 1, total: pages })}</span>
          <span className="pager__dots" aria-hidden="true">
            {starts.map((_, i) => (
              <span key={i} className={`pager__dot ${i === current ? 'pager__dot--on' : ''}`} />
            ))}
          </span>
        </p>
      )}
    </div>
  );
}
