import { useEffect, useRef } from 'react';
import { timerRemaining, timerRunning, type TimerState } from '../../../shared/timer';
import { useServerNow } from '../useServerNow';

/** Two soft falling tones (Web Audio), calm rather than alarming; silently skipped when audio is not allowed. */
export function playEndTone(): void {
  try {
    const Ctx =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
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
    window.setTimeout(() => void ctx.close(), 1500);
  } catch {
    // Autoplay policies may refuse audio on a page nobody touched; the visible cue still shows.
  }
}

/**
 * Plays the end tone once when a running timer reaches zero, if the facilitator switched sound on. The visible cue
 * is the timer's own "time is up" state. `data-cue` lets tests see that the cue fired.
 */
export function TimerCue({ timer, sound }: { timer: TimerState | null | undefined; sound: boolean }) {
  const running = !!timer && timerRunning(timer);
  const now = useServerNow(running, 250);
  const done = !!timer && running && timerRemaining(timer, now) <= 0;
  const fired = useRef(false);
  useEffect(() => {
    if (!done) {
      fired.current = false;
      return;
    }
    if (fired.current) return;
    fired.current = true;
    if (sound) playEndTone();
  }, [done, sound]);
  return <span hidden data-testid="timer-cue" data-done={done} data-sound={sound} />;
}
