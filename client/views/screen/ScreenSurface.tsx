import { memo } from 'react';
import { currentSession, type AgendaState } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { RefusedNotice } from '../../components/RefusedNotice';
import { TimerDisplay } from '../../components/TimerDisplay';
import { TimerCue } from '../../components/toolkit/TimerCue';
import { exerciseViews } from '../../exercises/registry';
import type { ScreenProps } from '../../exercises/types';
import { usePreloadNext } from '../../exercises/usePreloadNext';
import { localise, useLang, useT } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { JoinPanel, joinPanelSize } from './JoinPanel';
import { RoomStatus } from './RoomStatus';
import { useAnnouncements } from './useAnnouncements';
import { VoteResults } from './VoteResults';

/**
 * The exercise's screen view, re-rendered only when its session or spotlight changes (not with every change to the
 * agenda the surface around it shows): its own store subscriptions re-render it for its content.
 */
const ExerciseScreen = memo(function ExerciseScreen({ session, spotlightItemId }: ScreenProps) {
  const View = exerciseViews(session.kind).Screen;
  return <View session={session} spotlightItemId={spotlightItemId} />;
});

/** The live region for screen readers in the room, in a component of its own so its state re-renders only it. */
function Announcer({ session, state }: { session: Session | undefined; state: AgendaState | null }) {
  const announcement = useAnnouncements(session, state);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="screen-announcer">
      {announcement}
    </div>
  );
}

/**
 * What the projector shows, from the stores: header (session, timer, join corner), the exercise's screen view, the
 * join panel and the room's status. `thumbnail`: the console's live miniature (no sound, no live region).
 */
export function ScreenSurface({ thumbnail = false }: { thumbnail?: boolean }) {
  const t = useT();
  const lang = useLang();
  // The console's thumbnail repeats the screen inside the console page: its test ids stay the screen's own.
  const tid = (id: string) => (thumbnail ? undefined : id);
  const control = useControlStore();
  const session = currentSession(control);
  const state = control.state;
  const meta = control.meta;
  usePreloadNext('Screen', control.programme, session);
  const join = joinPanelSize(meta, state, control.programme, session);

  return (
    <div
      className={`screen ${join === 'large' ? 'screen--join-large' : ''} ${thumbnail ? 'screen--thumbnail' : ''}`}
      data-join={join ?? 'closed'}
    >
      <header className="screen__header">
        {session ? (
          <div className="screen__session" data-testid={tid('session-header')} data-session-id={session.id}>
            <p className="screen__day">
              {t('common.day', { day: session.day })}
              {meta && <span className="screen__workshop"> · {meta.title}</span>}
            </p>
            <h1 className="screen__title" data-testid={tid('session-title')}>
              {localise(session.title, lang)}
            </h1>
          </div>
        ) : (
          <h1 className="screen__title">{meta?.title ?? t('app.name')}</h1>
        )}
        {meta && join === 'corner' && <JoinPanel meta={meta} size="corner" />}
        {state && <TimerDisplay timer={state.timer} className="timer--screen" />}
        {state && !thumbnail && <TimerCue timer={state.timer} sound={!!state.timerSound} />}
      </header>
      <main className="screen__main" id="main">
        {!thumbnail && <RefusedNotice />}
        {session && (
          <p className="screen__prompt" data-testid={tid('session-prompt')}>
            {localise(session.prompt, lang)}
          </p>
        )}
        <div className="screen__content" data-testid={tid('screen-content')}>
          {state?.voting ? (
            <VoteResults voting={state.voting} />
          ) : (
            session && <ExerciseScreen session={session} spotlightItemId={state?.spotlightItemId ?? null} />
          )}
        </div>
      </main>
      {meta && join === 'large' && <JoinPanel meta={meta} size="large" />}
      <footer className="screen__footer">
        <RoomStatus />
        <ConnectionStatus />
      </footer>
      {!thumbnail && <Announcer session={session} state={state} />}
    </div>
  );
}
