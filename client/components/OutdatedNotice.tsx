import { useT } from '../i18n/i18n';
import { useConnectionStore } from '../store/connectionStore';

/** The server speaks a newer protocol than this cached app (close 4426): ask for a reload instead of failing later. */
export function OutdatedNotice() {
  const t = useT();
  const outdated = useConnectionStore((s) => s.outdated);
  if (!outdated) return null;
  return (
    <div className="notice notice--warning" role="alert" data-testid="outdated-notice">
      <p>{t('outdated.text')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('outdated.reload')}
      </button>
    </div>
  );
}
