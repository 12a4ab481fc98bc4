import { useEffect, useReducer, useRef, useState } from 'react';
import type { AgendaState } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { formatClock, timerRemaining, timerRunning, type TimerState } from '../../../shared/timer';
import { localise, useLang, useT } from '../../i18n/i18n';
import { loadExerciseDefinition } from '../../exercises/registry';
import { useLiveStore } from '../../store/liveStore';

/**
 * Whether a running timer has run out, re-rendering once, when it does (not every second: the page using it, the
 * whole projector among them, would re-render with every tick).
 */
function useTimeUp(timer: TimerState | undefined): boolean {
  const offset = useLiveStore((s) => s.clockOffset);
  const [woken, wake] = useReducer((n: number) => n + 1, 0);
  const running = !!timer && timerRunning(timer);
  const up = running && timerRemaining(timer, Date.now() + offset) <= 0;
  useEffect(() => {
    if (!timer || !timerRunning(timer)) return;
    const left = timerRemaining(timer, Date.now() + offset);
    if (left <= 0) return;
    // Timers may fire a little early; then this effect runs again (`woken`) and waits for the rest.
    const id = window.setTimeout(wake, Math.min(left + 20, 2 ** 31 - 1));
    return () => window.clearTimeout(id);
  }, [timer, offset, woken]);
  return up;
}

/**
 * One sentence for screen readers whenever the session, the phase, the timer or the lock changes (screen, phone
 * and console all use it); the first picture after
 * loading is not announced (nothing changed yet).
 */
export function useAnnouncements(session: Session | undefined, state: AgendaState | null): string {
  const t = useT();
  const lang = useLang();
  const running = state ? timerRunning(state.timer) : false;
  const timeUp = useTimeUp(state?.timer);
  const offset = useLiveStore((s) => s.clockOffset);
  const [message, setMessage] = useState('');
  const prev = useRef<{
    sessionId?: string;
    phase?: string;
    running: boolean;
    timeUp: boolean;
    locked?: boolean;
  } | null>(null);

  // Bumped with every message, so a phase name that arrives late never replaces a newer message.
  const said = useRef(0);

  useEffect(() => {
    if (!session || !state) return;
    const p = prev.current;
    prev.current = { sessionId: session.id, phase: state.phase, running, timeUp, locked: state.locked };
    if (!p) return;
    const say = (text: string) => {
      said.current++;
      setMessage(text);
    };
    if (p.sessionId !== session.id) say(t('screen.announceSession', { title: localise(session.title, lang) }));
    else if (p.phase !== state.phase) {
      const phase = state.phase;
      const turn = ++said.current;
      // The phase's name is in the exercise's definition, which comes with its views' code (not in the shell).
      void loadExerciseDefinition(session.kind)
        .then((def) => localise(def.phaseLabels?.[phase], lang) || phase)
        .catch(() => phase)
        .then((name) => {
          if (said.current === turn) say(t('toolkit.announcePhase', { phase: name }));
        });
    } else if (!p.timeUp && timeUp) say(t('screen.announceTimeUp'));
    else if (!p.running && running)
      say(t('screen.announceTimerStarted', { time: formatClock(timerRemaining(state.timer, Date.now() + offset)) }));
    else if (p.running && !running) say(t('screen.announceTimerPaused'));
    else if (p.locked !== state.locked) say(t(state.locked ? 'screen.announceLocked' : 'screen.announceUnlocked'));
  }, [session, state, running, timeUp, offset, t, lang]);

  return message;
}
