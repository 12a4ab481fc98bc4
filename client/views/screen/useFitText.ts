import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * One large thing (a slide, a spotlighted card, a summary) that must fit its box: starting from its CSS font size,
 * the text steps down until nothing overflows, but never below `minPx`; sizes inside it are in `em`, so they follow.
 * Re-fits after every render and whenever the box changes size.
 */
export function useFitText<T extends HTMLElement>(minPx = 22) {
  const ref = useRef<T>(null);
  const fit = useRef(() => {
    const el = ref.current;
    if (!el) return;
    el.style.fontSize = '';
    let size = parseFloat(getComputedStyle(el).fontSize);
    const overflows = () => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    while (overflows() && size > minPx) {
      size = Math.max(minPx, size * 0.92);
      el.style.fontSize = `${size}px`;
    }
  });
  useLayoutEffect(() => fit.current());
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => fit.current());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return ref;
}
