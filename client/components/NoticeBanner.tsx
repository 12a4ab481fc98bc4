import { useT, type MessageKey } from '../i18n/i18n';
import { useConnectionStore } from '../store/connectionStore';

/** The server's latest notice (a refused change, slowing down) in calm words, until the person dismisses it. */
export function NoticeBanner() {
  const t = useT();
  const notice = useConnectionStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      className="notice notice--warning notice-banner"
      role="status"
      data-testid="server-notice"
      data-code={notice.code}
    >
      <p>{t(`notice.${notice.code}` as MessageKey)}</p>
      <button type="button" className="button" onClick={() => useConnectionStore.setState({ notice: null })}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
