import { useId, useState, type FormEvent } from 'react';
import type { AgendaState, WorkshopMeta } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { timerRunning } from '../../../shared/timer';
import { TimerDisplay } from '../../components/TimerDisplay';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';

/** Timer, input lock, joining and spotlight: the buttons the facilitator reaches for during a session. */
export function ControlsPanel({ session, state, meta }: { session: Session; state: AgendaState; meta: WorkshopMeta }) {
  const t = useT();
  const running = timerRunning(state.timer);
  const minutesId = useId();
  const [minutes, setMinutes] = useState('');
  const setLength = (e: FormEvent) => {
    e.preventDefault();
    const m = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(m) || m <= 0 || m > 600) return;
    void runCommand({ type: 'timer.reset', minutes: m });
    setMinutes('');
  };
  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title" className="visually-hidden">
        {t('console.controls')}
      </h2>
      <div className="controls__group" role="group" aria-labelledby="timer-title">
        <h3 id="timer-title">{t('console.timer')}</h3>
        <TimerDisplay timer={state.timer} className="timer--console" />
        <div className="button-row">
          {running ? (
            <button
              type="button"
              className="button"
              onClick={() => void runCommand({ type: 'timer.pause' })}
              data-testid="timer-pause"
            >
              {t('console.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void runCommand({ type: 'timer.start' })}
              data-testid="timer-start"
            >
              {t('console.start')}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void runCommand({ type: 'timer.extend', seconds: 60 })}
            data-testid="timer-extend"
          >
            {t('console.plusMinute')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void runCommand({ type: 'timer.extend', seconds: -60 })}
            data-testid="timer-shorten"
          >
            {t('console.minusMinute')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void runCommand({ type: 'timer.reset', minutes: session.plannedMinutes })}
            data-testid="timer-reset"
          >
            {t('console.reset')}
          </button>
        </div>
        <form className="button-row" onSubmit={setLength}>
          <label htmlFor={minutesId}>{t('console.customMinutes')}</label>
          <input
            id={minutesId}
            className="input input--small"
            type="number"
            inputMode="decimal"
            min={0.5}
            max={600}
            step="any"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="timer-minutes"
          />
          <button type="submit" className="button" disabled={!minutes} data-testid="timer-set-length">
            {t('console.setLength')}
          </button>
        </form>
      </div>
      <div className="controls__group">
        <p className="controls__state">{state.locked ? t('console.inputLocked') : t('console.inputOpen')}</p>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'input.lock', locked: !state.locked })}
          data-testid="toggle-lock"
        >
          {state.locked ? t('console.unlockInput') : t('console.lockInput')}
        </button>
      </div>
      <div className="controls__group">
        <p className="controls__state">
          {meta.joinOpen ? t('console.joinOpen', { code: meta.joinCode }) : t('console.joinClosed')}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'join.open', open: !meta.joinOpen })}
          data-testid="toggle-join"
        >
          {meta.joinOpen ? t('console.closeJoin') : t('console.openJoin')}
        </button>
      </div>
      <div className="controls__group">
        <button
          type="button"
          className="button"
          disabled={!state.spotlightItemId}
          onClick={() => void runCommand({ type: 'spotlight.set', itemId: null })}
          data-testid="clear-spotlight"
        >
          {t('console.clearSpotlight')}
        </button>
      </div>
    </section>
  );
}
