import { useEffect, useRef, useState } from 'react';
import { ScreenSurface } from '../screen/ScreenSurface';

/** The thumbnail renders the screen as a 1280×720 projector would, scaled to the console's column. */
const WIDTH = 1280;
const HEIGHT = 720;

/**
 * A live miniature of the projector: the same screen component on the same stores, in a scaled box. Hidden from
 * assistive technology and inert, since the console already says everything it shows.
 */
export function ScreenThumbnail() {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);
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
