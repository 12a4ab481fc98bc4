import { useT } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { useLiveStore } from '../../store/liveStore';
import { sendCommand } from '../../sync/commands';

/** "Klaar" and "hand opsteken" on a phone: two large buttons whose state the server keeps. */
export function PhoneToolbar({ participantId }: { participantId: string }) {
  const t = useT();
  const ready = useControlStore((s) => !!s.state?.ready?.includes(participantId));
  const hand = useLiveStore((s) => s.myHand);
  return (
    <div className="phone-toolbar" data-testid="phone-toolbar">
      {ready && (
        <p className="muted" role="status" data-testid="ready-done">
          {t('toolkit.readyDone')}
        </p>
      )}
      {hand && (
        <p className="muted" role="status" data-testid="hand-raised">
          {t('toolkit.handRaised')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className={`button ${ready ? '' : 'button--primary'}`}
          aria-pressed={ready}
          onClick={() => void sendCommand({ type: 'ready.set', ready: !ready })}
          data-testid="ready-toggle"
        >
          {ready ? t('toolkit.notReady') : t('toolkit.ready')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={hand}
          onClick={() => void sendCommand({ type: 'hand.raise', raised: !hand })}
          data-testid="hand-toggle"
        >
          {hand ? t('toolkit.lowerHand') : t('toolkit.raiseHand')}
        </button>
      </div>
    </div>
  );
}
