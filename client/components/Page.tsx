import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { BrowserStatus } from './BrowserStatus';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBanner } from './NoticeBanner';
import { OutdatedNotice } from './OutdatedNotice';

/**
 * The frame every view shares: skip link, a banner with the app name, the language switch and (for connected
 * views) the connection state, and one main landmark.
 */
export function Page(props: {
  variant: 'landing' | 'phone' | 'console' | 'researcher';
  connected?: boolean;
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`page page--${props.variant}`}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('app.name')}</span>
        <div className="topbar__extra">{props.headerExtra}</div>
        <div className="topbar__tools">
          {props.connected ? <ConnectionStatus /> : <BrowserStatus />}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page__main" tabIndex={-1}>
        {props.connected && <OutdatedNotice />}
        {props.connected && <NoticeBanner />}
        {props.children}
      </main>
    </div>
  );
}
