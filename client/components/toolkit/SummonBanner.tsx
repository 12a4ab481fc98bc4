import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { useLiveStore } from '../../store/liveStore';

/**
 * Answers the facilitator's summon: scrolls to the item (an element with `data-item-id`) or to the top of the
 * session, moves focus there, vibrates briefly, and says why in a banner. The banner is fixed at the top of the
 * viewport, so a phone scrolled far down sees it too, and it goes away when the session changes.
 */
export function SummonBanner() {
  const t = useT();
  const summon = useLiveStore((s) => s.summon);
  const sessionId = useControlStore((s) => s.state?.currentSessionId);
  const [shown, setShown] = useState<number | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!summon) return;
    setShown(summon.at);
    const target = summon.itemId ? document.querySelector<HTMLElement>(`[data-item-id="${summon.itemId}"]`) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.setAttribute('tabindex', '-1');
      target.focus();
    } else window.scrollTo({ top: 0 });
    navigator.vibrate?.(200);
  }, [summon]);
  // The banner renders after the effect above: focus it then, when there is no item to focus.
  useEffect(() => {
    if (shown !== null && !summon?.itemId) ref.current?.focus({ preventScroll: true });
  }, [shown, summon]);
  if (!summon || shown !== summon.at || (sessionId && summon.sessionId !== sessionId)) return null;
  return (
    <p className="notice notice--info summon-banner" role="status" tabIndex={-1} ref={ref} data-testid="summoned">
      {t('toolkit.summoned')}
      <button type="button" className="button button--small" onClick={() => setShown(null)}>
        OK
      </button>
    </p>
  );
}
