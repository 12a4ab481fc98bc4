import { useEffect, useState } from 'react';
import { useLiveStore } from '../store/liveStore';

/** Server time, re-rendering every `tickMs` while `ticking` (a stopped timer needs no ticks). */
export function useServerNow(ticking: boolean, tickMs = 250): number {
  const offset = useLiveStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const id = window.setInterval(() => setNow(Date.now()), tickMs);
    return () => window.clearInterval(id);
  }, [ticking, tickMs]);
  return (ticking ? Date.now() : now) + offset;
}
