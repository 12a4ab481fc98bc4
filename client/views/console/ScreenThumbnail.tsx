import { useEffect, useRef, useState } from 'react';
import { ScreenSurface } from '../screen/ScreenSurface';

/**
 * The thumbnail renders the screen as a 1920×1080 projector would, scaled to the console's column: every 16:9
 * projector from 1080p up lays the screen out the same (its sizes are in viewport units), so the thumbnail's pages
 * hold the same cards as the projector's, and the shared page counter (shared/screenPaging.ts) shows the same one.
 */
const WIDTH = 1920;
const HEIGHT = 1080;

/**
 * A live miniature of the projector: the same screen component on the same stores, in a scaled box. Hidden from
 * assistive technology and inert, since the console already says everything it shows.
 */
export function ScreenThumbnail() {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.2);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setScale(el.clientWidth / WIDTH));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div className="screen-thumb" ref={box} aria-hidden="true" inert data-testid="screen-thumbnail">
      <div className="screen-thumb__stage" style={{ width: WIDTH, height: HEIGHT, transform: `scale(${scale})` }}>
        <ScreenSurface thumbnail />
      </div>
    </div>
  );
}
