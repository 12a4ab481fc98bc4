import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useLiveStore } from '../../store/liveStore';

/**
 * Answers the facilitator's summon: scrolls to the item (an element with `data-item-id`) or to the top of the
 * session, moves focus there, vibrates briefly, and says why in a banner.
 */
export function SummonBanner() {
  const t = useT();
  const summon = useLiveStore((s) => s.summon);
  const [shown, setShown] = useState<number | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!summon) return;
    setShown(summon.at);
    const target = summon.itemId ? document.querySelector<HTMLElement>(`[data-item-id="${summon.itemId}"]`) : null;
    const el = target ?? ref.current;
    el?.scrollIntoView({ block: 'center' });
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.focus();
    } else ref.current?.focus();
    navigator.vibrate?.(200);
  }, [summon]);
  if (!summon || shown !== summon.at) return null;
  return (
    <p className="notice notice--info" role="status" tabIndex={-1} ref={ref} data-testid="summoned">
      {t('toolkit.summoned')}
      <button type="button" className="button button--small" onClick={() => setShown(null)}>
        OK
      </button>
    </p>
  );
}
