import { useEffect, useRef, useState } from 'react';
import type { AgendaState } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { exerciseFor } from '../../../shared/exercises/registry';
import { formatClock, timerRemaining, timerRunning } from '../../../shared/timer';
import { localise, useLang, useT } from '../../i18n/i18n';
import { useServerNow } from '../../components/useServerNow';

/**
 * One sentence for screen readers whenever the session, the phase, the timer or the lock changes (screen, phone
 * and console all use it); the first picture after
 * loading is not announced (nothing changed yet).
 */
export function useAnnouncements(session: Session | undefined, state: AgendaState | null): string {
  const t = useT();
  const lang = useLang();
  const running = state ? timerRunning(state.timer) : false;
  const now = useServerNow(running, 1000);
  const timeUp = !!state && running && timerRemaining(state.timer, now) <= 0;
  const [message, setMessage] = useState('');
  const prev = useRef<{
    sessionId?: string;
    phase?: string;
    running: boolean;
    timeUp: boolean;
    locked?: boolean;
  } | null>(null);

  useEffect(() => {
    if (!session || !state) return;
    const p = prev.current;
    prev.current = { sessionId: session.id, phase: state.phase, running, timeUp, locked: state.locked };
    if (!p) return;
    if (p.sessionId !== session.id) setMessage(t('screen.announceSession', { title: localise(session.title, lang) }));
    else if (p.phase !== state.phase)
      setMessage(
        t('toolkit.announcePhase', {
          phase: localise(exerciseFor(session.kind).phaseLabels?.[state.phase], lang) || state.phase,
        }),
      );
    else if (!p.timeUp && timeUp) setMessage(t('screen.announceTimeUp'));
    else if (!p.running && running)
      setMessage(t('screen.announceTimerStarted', { time: formatClock(timerRemaining(state.timer, now)) }));
    else if (p.running && !running) setMessage(t('screen.announceTimerPaused'));
    else if (p.locked !== state.locked)
      setMessage(t(state.locked ? 'screen.announceLocked' : 'screen.announceUnlocked'));
  }, [session, state, running, timeUp, now, t, lang]);

  return message;
}
