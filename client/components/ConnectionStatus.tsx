import { useT } from '../i18n/i18n';
import { summarise, useConnectionStore } from '../store/connectionStore';
import { useShallow } from 'zustand/react/shallow';

/** Online / reconnecting / offline, with local changes still waiting; a polite live region for screen readers. */
export function ConnectionStatus() {
  const t = useT();
  const summary = useConnectionStore(useShallow((s) => summarise(s)));
  const saved = useConnectionStore((s) => s.saved);
  const notStored = useConnectionStore((s) => s.notStored);
  const label =
    summary.state === 'refused'
      ? t('conn.refused')
      : t(
          summary.state === 'online'
            ? 'conn.online'
            : summary.state === 'offline'
              ? 'conn.offline'
              : 'conn.reconnecting',
        );
  const waiting =
    summary.pending === 0
      ? null
      : summary.pending === 1
        ? t('conn.waitingOne')
        : t('conn.waiting', { count: summary.pending });
  return (
    <div
      className={`conn conn--${summary.state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={summary.state}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('conn.label')}: </span>
      <span>{label}</span>
      {/* The separator is its own span: on a phone the detail goes on a second line instead (phone.css). */}
      {waiting && (
        <span className="conn__waiting">
          <span className="conn__sep"> · </span>
          {waiting}
        </span>
      )}
      {!waiting && notStored && (
        <span className="conn__saved" data-testid="saved-state" data-saved={false} data-not-stored={true}>
          <span className="conn__sep"> · </span>
          {t('conn.notStored')}
        </span>
      )}
      {!waiting && !notStored && saved !== null && (
        <span className="conn__saved" data-testid="saved-state" data-saved={saved}>
          <span className="conn__sep"> · </span>
          {t(saved ? 'conn.saved' : 'conn.unsaved')}
        </span>
      )}
    </div>
  );
}
