import { STRENGTHS_PHASES, strengthsPhase, type StrengthsPhase } from '../../../shared/exercises/strengths';
import { useControlStore } from '../../store/controlStore';
import { runCommand } from '../../sync/commands';
import type { ConsoleProps } from '../types';
import { runExerciseAction } from '../useExercise';
import { useStrengthsT, type StrengthsKey } from './i18n';
import { RoleCuration } from './RoleCuration';
import { StrengthModeration } from './StrengthModeration';
import { useStrengths, useStrengthsState } from './useStrengths';
import './strengths.css';

const PHASE_LABEL: Record<StrengthsPhase, StrengthsKey> = {
  kracht: 'phaseKracht',
  terugkoppeling: 'phaseTerugkoppeling',
  rollen: 'phaseRollen',
};

/** The three steps, the grouping, and moderation of the wall or curation of the roles. */
export function StrengthsConsole({ session, spotlightItemId }: ConsoleProps) {
  const t = useStrengthsT();
  const phase = strengthsPhase(useControlStore((s) => s.state?.phase));
  const state = useStrengthsState(session.id);
  const { all, strengths, plusCount } = useStrengths(session.id);
  return (
    <div className="strengths-console">
      <div className="button-row" role="group" aria-label={t('phases')}>
        {STRENGTHS_PHASES.map((p, i) => (
          <button
            key={p}
            type="button"
            className={`button ${phase === p ? 'button--primary' : ''}`}
            aria-pressed={phase === p}
            onClick={() => void runCommand({ type: 'phase.set', phase: p })}
            data-testid={`strengths-phase-${p}`}
          >
            {i + 1}. {t(PHASE_LABEL[p])}
          </button>
        ))}
      </div>
      <div className="button-row" role="group" aria-label={t('grouping')}>
        {(['bySide', 'mixed'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className="button button--small"
            aria-pressed={state.grouping === mode}
            onClick={() =>
              void runExerciseAction(session.id, 'grouping.set', {
                mode,
                size: 4,
                seed: Math.floor(Math.random() * 1e6),
              })
            }
            data-testid={`grouping-${mode}`}
          >
            {mode === 'bySide' ? t('groupingBySide') : t('groupingMixed')}
          </button>
        ))}
      </div>
      {state.groups && (
        <ul className="ex-groups">
          {state.groups.map((g) => (
            <li key={g.id}>
              <strong>
                {g.id === 'side-formal' ? t('groupFormal') : g.id === 'side-informal' ? t('groupInformal') : g.name}
              </strong>
              : {g.members.length}
            </li>
          ))}
        </ul>
      )}
      {phase === 'rollen' ? (
        <RoleCuration sessionId={session.id} items={all} state={state} />
      ) : (
        <StrengthModeration strengths={strengths} plusCount={plusCount} spotlightItemId={spotlightItemId} />
      )}
    </div>
  );
}
