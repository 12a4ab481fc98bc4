import { useState } from 'react';
import { currentSession } from '../../shared/controlDoc';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { QrCode } from '../components/QrCode';
import { RefusedNotice } from '../components/RefusedNotice';
import { TimerDisplay } from '../components/TimerDisplay';
import { TimerCue } from '../components/toolkit/TimerCue';
import { exerciseViews } from '../exercises/registry';
import { usePreloadNext } from '../exercises/usePreloadNext';
import { localise, useLang, useT } from '../i18n/i18n';
import { tokenFromHash } from '../router';
import { useControlStore } from '../store/controlStore';
import { useWorkshop } from '../sync/useWorkshop';
import { useAnnouncements } from './screen/useAnnouncements';

/** `/s/<workshopId>`: the projector. Read-only, sized in viewport units so it fits 16:9 from 720p to 4K. */
export function Screen({ workshopId }: { workshopId: string }) {
  const t = useT();
  const lang = useLang();
  const [token] = useState(tokenFromHash);
  useWorkshop({ workshopId, token, docs: ['board'], boardReadOnly: true });
  const control = useControlStore();
  const session = currentSession(control);
  const state = control.state;
  const meta = control.meta;
  const announcement = useAnnouncements(session, state);
  const ScreenView = session ? exerciseViews(session.kind).Screen : null;
  usePreloadNext('Screen', control.programme, session);
  const joinLink = meta ? `${window.location.origin}/j/${meta.joinCode}` : '';

  return (
    <div className={`screen ${meta?.joinOpen ? 'screen--join' : ''}`}>
      <header className="screen__header">
        {session ? (
          <div className="screen__session" data-testid="session-header" data-session-id={session.id}>
            <p className="screen__day">
              {t('common.day', { day: session.day })}
              {meta && <span className="screen__workshop"> · {meta.title}</span>}
            </p>
            <h1 className="screen__title" data-testid="session-title">
              {localise(session.title, lang)}
            </h1>
          </div>
        ) : (
          <h1 className="screen__title">{meta?.title ?? t('app.name')}</h1>
        )}
        {state && <TimerDisplay timer={state.timer} className="timer--screen" />}
        {state && <TimerCue timer={state.timer} sound={!!state.timerSound} />}
      </header>
      <main className="screen__main" id="main">
        <RefusedNotice />
        {session && (
          <p className="screen__prompt" data-testid="session-prompt">
            {localise(session.prompt, lang)}
          </p>
        )}
        <div className="screen__content">
          {session && ScreenView && <ScreenView session={session} spotlightItemId={state?.spotlightItemId ?? null} />}
        </div>
      </main>
      {meta?.joinOpen && (
        <aside className="screen__join" aria-labelledby="screen-join-title" data-testid="screen-join">
          <h2 id="screen-join-title" className="screen__join-title">
            {t('screen.joinAt', { host: window.location.host })}
          </h2>
          <QrCode value={joinLink} label={t('screen.qrLabel')} />
          <p className="screen__code-label">{t('screen.code')}</p>
          <p className="screen__code" data-testid="screen-join-code">
            {meta.joinCode}
          </p>
        </aside>
      )}
      <footer className="screen__footer">
        <ConnectionStatus />
      </footer>
      <div className="visually-hidden" aria-live="polite" data-testid="screen-announcer">
        {announcement}
      </div>
    </div>
  );
}
