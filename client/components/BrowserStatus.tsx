import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/i18n';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** For views without a live connection (landing, join): whether the browser has a network at all. */
export function BrowserStatus() {
  const t = useT();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <div
      className={`conn conn--${online ? 'online' : 'offline'}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={online ? 'online' : 'offline'}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('conn.label')}: </span>
      <span>{online ? t('conn.online') : t('conn.offline')}</span>
    </div>
  );
}
