import type { AgendaState, WorkshopMeta } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { QrCode } from '../../components/QrCode';
import { useT } from '../../i18n/i18n';

/**
 * Large while people join (a day's first session, or when the facilitator shows it), else a corner of the header,
 * beside the timer and never over it. `joinPanel` in the agenda state overrides the automatic choice.
 */
export function joinPanelSize(
  meta: WorkshopMeta | null,
  state: AgendaState | null,
  programme: readonly Session[],
  session: Session | undefined,
): 'large' | 'corner' | null {
  if (!meta?.joinOpen) return null;
  const chosen = state?.joinPanel ?? 'auto';
  if (chosen !== 'auto') return chosen;
  const firstOfDay = !session || programme.find((s) => s.day === session.day)?.id === session.id;
  return firstOfDay ? 'large' : 'corner';
}

/** QR code, address and code; `size` picks the large side panel or the small corner. */
export function JoinPanel({ meta, size }: { meta: WorkshopMeta; size: 'large' | 'corner' }) {
  const t = useT();
  const joinLink = `${window.location.origin}/j/${meta.joinCode}`;
  if (size === 'corner') {
    return (
      <aside
        className="screen__join--corner"
        aria-labelledby="screen-join-title"
        data-testid="screen-join"
        data-size="corner"
      >
        <QrCode value={joinLink} label={t('screen.qrLabel')} />
        <div>
          <p id="screen-join-title" className="screen__join-title">
            {t('screen.joinAt', { host: window.location.host })}
          </p>
          <p className="screen__code" data-testid="screen-join-code">
            {meta.joinCode}
          </p>
        </div>
      </aside>
    );
  }
  return (
    <aside
      className="screen__join screen__join--large"
      aria-labelledby="screen-join-title"
      data-testid="screen-join"
      data-size="large"
    >
      <h2 id="screen-join-title" className="screen__join-title">
        {t('screen.joinAt', { host: window.location.host })}
      </h2>
      <QrCode value={joinLink} label={t('screen.qrLabel')} />
      <p className="screen__code-label">{t('screen.code')}</p>
      <p className="screen__code" data-testid="screen-join-code">
        {meta.joinCode}
      </p>
    </aside>
  );
}
