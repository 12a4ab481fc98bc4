import { formatClock, timerRemaining, timerRunning, type TimerState } from '../../shared/timer';
import { useT } from '../i18n/i18n';
import { useServerNow } from './useServerNow';

/**
 * The remaining time of the session timer, computed against server time. When it runs out it shows a calm
 * end signal instead of flashing.
 */
export function TimerDisplay({ timer, className = '' }: { timer: TimerState; className?: string }) {
  const t = useT();
  const running = timerRunning(timer);
  const now = useServerNow(running);
  const remaining = timerRemaining(timer, now);
  const done = running && remaining <= 0;
  const progress = timer.durationMs > 0 ? Math.min(1, Math.max(0, remaining / timer.durationMs)) : 0;
  return (
    <div
      className={`timer ${running ? 'timer--running' : 'timer--paused'} ${done ? 'timer--done' : ''} ${className}`}
      data-testid="timer"
      data-running={running}
    >
      <span className="visually-hidden">{t('session.timer')}: </span>
      <span className="timer__clock">{done ? t('session.timeUp') : formatClock(remaining)}</span>
      <span className="timer__bar" aria-hidden="true">
        <span className="timer__fill" style={{ transform: `scaleX(${progress})` }} />
      </span>
    </div>
  );
}
