import { useEffect, useRef, useSyncExternalStore } from 'react';
import { timerRemaining, timerRunning, type TimerState } from '../../../shared/timer';
import { useT } from '../../i18n/i18n';
import { useServerNow } from '../useServerNow';

/**
 * The page's one AudioContext. Browsers only let audio start after a person touched the page (autoplay policy), so
 * the context is created, or resumed, inside a user gesture (`unlockAudio`, called by the first click or key on the
 * page and by the console's sound toggle); a context made later, when the timer ends, would stay silent.
 */
let audio: AudioContext | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Tones actually played on this page (for tests and the console's "test" tone). */
let played = 0;

function context(): AudioContext | null {
  if (audio) return audio;
  const Ctx =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return null;
  try {
    audio = new Ctx();
    audio.onstatechange = notify;
  } catch {
    return null;
  }
  return audio;
}

/** Creates or resumes the page's audio; call from a user gesture. Resolves to whether audio can play now. */
export async function unlockAudio(): Promise<boolean> {
  const ctx = context();
  if (!ctx) return false;
  if (ctx.state !== 'running') await ctx.resume().catch(() => undefined);
  notify();
  return ctx.state === 'running';
}

/** Whether this page may play sound now: 'running', 'suspended' (nobody touched the page yet) or 'none'. */
export function audioState(): 'running' | 'suspended' | 'none' {
  if (!audio) return 'suspended';
  return audio.state === 'running' ? 'running' : audio.state === 'closed' ? 'none' : 'suspended';
}

const useAudioState = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    audioState,
    () => 'suspended' as const,
  );

/** Unlocks audio on the page's first click, tap or key (each a user gesture), once. */
function useUnlockOnGesture(): void {
  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'touchend'] as const;
    const once = () => {
      void unlockAudio().then((ok) => {
        if (ok) events.forEach((e) => window.removeEventListener(e, once, true));
      });
    };
    events.forEach((e) => window.addEventListener(e, once, true));
    return () => events.forEach((e) => window.removeEventListener(e, once, true));
  }, []);
}

/** Two soft falling tones (Web Audio), calm rather than alarming; false when the page may not play sound (yet). */
export function playEndTone(): boolean {
  const ctx = audio;
  if (!ctx || ctx.state !== 'running') return false;
  try {
    [660, 440].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const start = ctx.currentTime + i * 0.45;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.65);
    });
    played++;
    notify();
    return true;
  } catch {
    return false;
  }
}

/** How many tones this page played (`data-played` of the cue). */
const usePlayed = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => played,
    () => 0,
  );

/**
 * Plays the end tone once when a running timer reaches zero, if the facilitator switched sound on. The visible cue
 * is the timer's own "time is up" state. While sound is on but this page may not play yet (nobody clicked it since
 * it opened), a button asks for the one click that allows it. `data-done`, `data-audio` and `data-played` let tests
 * see the cue.
 */
export function TimerCue({ timer, sound }: { timer: TimerState | null | undefined; sound: boolean }) {
  const t = useT();
  const running = !!timer && timerRunning(timer);
  const now = useServerNow(running, 250);
  const done = !!timer && running && timerRemaining(timer, now) <= 0;
  const fired = useRef(false);
  const state = useAudioState();
  const count = usePlayed();
  useUnlockOnGesture();
  useEffect(() => {
    if (!done) {
      fired.current = false;
      return;
    }
    if (fired.current) return;
    fired.current = true;
    if (sound) playEndTone();
  }, [done, sound]);
  return (
    <>
      <span hidden data-testid="timer-cue" data-done={done} data-sound={sound} data-audio={state} data-played={count} />
      {sound && state !== 'running' && (
        <button
          type="button"
          className="button button--small timer-cue__unlock"
          onClick={() => void unlockAudio()}
          data-testid="timer-sound-unlock"
        >
          {t('toolkit.soundUnlock')}
        </button>
      )}
    </>
  );
}
