import { useState } from 'react';
import { CONSULT_MODES, defaultConsultRounds } from '../../../shared/exercises/consult';
import { useControlStore } from '../../store/controlStore';
import { runCommand } from '../../sync/commands';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import type { ConsoleProps } from '../types';
import { runExerciseAction } from '../useExercise';
import { ConsultThread } from './ConsultThread';
import { useConsultT } from './i18n';
import { RoundsOverview } from './RoundsOverview';
import { Takeaways } from './Takeaways';
import { useConsult } from './useConsult';
import '../dayTwo/dayTwo.css';
import './consult.css';
import { NumberField } from '../../components/NumberField';
import { DeletedItemUndo } from '../../components/OwnItemActions';

/** Console: plan the rounds (schedule or free), start each round with its timer, then send everyone back home. */
export function ConsultConsole({ session }: ConsoleProps) {
  const t = useConsultT();
  const groups = useControlStore((s) => s.groups);
  const c = useConsult(session);
  const settings = session.settings as { rounds?: number; roundMinutes?: number };
  const [mode, setMode] = useState<(typeof CONSULT_MODES)[number]>(c.state.mode ?? 'schedule');
  // By default as many rounds as it takes for every cooperation to host and to visit (more if the programme says so).
  const needed = defaultConsultRounds(groups.length);
  const [rounds, setRounds] = useState(String(Math.max(settings.rounds ?? 0, needed)));
  const [minutes, setMinutes] = useState(String(c.state.roundMinutes ?? settings.roundMinutes ?? 20));
  const [cap, setCap] = useState(String(c.state.cap ?? 1));
  const startRound = async (round: number) => {
    if (await runExerciseAction(session.id, 'setRound', { round }))
      await runCommand({ type: 'timer.start', minutes: c.state.roundMinutes ?? Number(minutes) });
  };
  return (
    <div className="daytwo-stack">
      <form
        className="consult-config"
        onSubmit={(e) => {
          e.preventDefault();
          void runExerciseAction(session.id, 'configure', {
            mode,
            rounds: Number(rounds),
            roundMinutes: Number(minutes),
            cap: Number(cap),
          });
        }}
      >
        <div className="field field--inline">
          <label htmlFor="consult-mode">{t('mode')}</label>
          <select
            id="consult-mode"
            className="input input--small"
            value={mode}
            onChange={(e) => setMode(e.target.value as typeof mode)}
            data-testid="consult-mode"
          >
            <option value="schedule">{t('modeSchedule')}</option>
            <option value="free">{t('modeFree')}</option>
          </select>
        </div>
        <div className="field field--inline">
          <NumberField
            id="consult-rounds"
            label={t('rounds')}
            min={1}
            max={10}
            value={rounds}
            onChange={setRounds}
            testId="consult-rounds-input"
          />
          <NumberField
            id="consult-minutes"
            label={t('minutes')}
            min={1}
            max={120}
            value={minutes}
            onChange={setMinutes}
            testId="consult-minutes"
          />
          {mode === 'free' && (
            <NumberField id="consult-cap" label={t('cap')} min={1} max={10} value={cap} onChange={setCap} />
          )}
        </div>
        {mode === 'schedule' && Number(rounds) < needed && (
          <p className="muted" role="status" data-testid="consult-too-few">
            {t('tooFewRounds', { groups: groups.length, rounds: needed })}
          </p>
        )}
        {c.round > 0 && <p className="muted">{t('keptRounds')}</p>}
        <button type="submit" className="button" data-testid="consult-plan">
          {t('plan')}
        </button>
      </form>
      {c.planned && (
        <div className="button-row">
          {c.rounds.map((r) => (
            <button
              key={r.round}
              type="button"
              className="button button--small"
              aria-pressed={c.round === r.round}
              onClick={() => void startRound(r.round)}
              data-testid="consult-start-round"
            >
              {t('start', { round: r.round })}
            </button>
          ))}
          <button
            type="button"
            className="button button--small"
            aria-pressed={c.after}
            onClick={() => void runExerciseAction(session.id, 'setRound', { round: c.rounds.length + 1 })}
            data-testid="consult-finish"
          >
            {t('finish')}
          </button>
        </div>
      )}
      <AssignResearchers session={session} />
      {c.planned && <RoundsOverview rounds={c.rounds} current={c.round} />}
      {c.current?.consults.map((k) => (
        <ConsultThread
          key={k.hostId}
          sessionId={session.id}
          round={c.round}
          roundId={c.current?.id}
          hostId={k.hostId}
          moderate
        />
      ))}
      {c.after &&
        groups.map((g) => <Takeaways key={g.id} sessionId={session.id} groupId={g.id} rounds={c.rounds} moderate />)}
      <DeletedItemUndo />
    </div>
  );
}
