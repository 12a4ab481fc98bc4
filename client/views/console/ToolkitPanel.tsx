import type { AgendaState, Group, ParticipantInfo } from '../../../shared/controlDoc';
import { exerciseFor, isExerciseKind } from '../../../shared/exercises/registry';
import type { Session } from '../../../shared/programme';
import { readyByGroup } from '../../../shared/toolkit/ready';
import { localise, useLang, useT } from '../../i18n/i18n';
import { useLiveStore } from '../../store/liveStore';
import { runCommand } from '../../sync/commands';
import { VotePanel } from './VotePanel';
import { playEndTone, unlockAudio } from '../../components/toolkit/TimerCue';

/** Phase, ready per group, raised hands, summon, private writing and reveal, dot voting, and the end-of-time sound. */
export function ToolkitPanel({
  session,
  state,
  groups,
  participants,
}: {
  session: Session;
  state: AgendaState;
  groups: Group[];
  participants: ParticipantInfo[];
}) {
  const t = useT();
  const hands = useLiveStore((s) => s.hands);
  const lang = useLang();
  // A kind this console's code does not know (a newer server's programme): the page asks to be reloaded (its exercise
  // view says so); the panel keeps ready, hands and the vote, without phases.
  const def = isExerciseKind(session.kind) ? exerciseFor(session.kind) : null;
  const phases = def?.phases ?? [];
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const perGroup = readyByGroup(groups, participants, state.ready ?? []).filter((g) => g.members.length > 0);
  return (
    <section className="panel toolkit" aria-labelledby="toolkit-title" data-testid="toolkit-panel">
      <h2 id="toolkit-title">{t('toolkit.panel')}</h2>
      {phases.length > 1 && !def?.ownPhaseButtons && (
        <div className="controls__group" role="group" aria-labelledby="phase-title">
          <h3 id="phase-title">{t('toolkit.phase')}</h3>
          <div className="button-row">
            {phases.map((p) => (
              <button
                key={p}
                type="button"
                className={`button ${state.phase === p ? 'button--primary' : ''}`}
                aria-pressed={state.phase === p}
                onClick={() => void runCommand({ type: 'phase.set', phase: p })}
                data-testid={`phase-${p}`}
              >
                {localise(def?.phaseLabels?.[p], lang) || p}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="controls__group">
        <h3>{t('toolkit.readyTitle')}</h3>
        <ul className="toolkit__ready" data-testid="ready-list">
          {perGroup.map(({ group, members, ready }) => (
            <li key={group.id} data-testid="ready-group" data-group-id={group.id} data-ready={ready.length}>
              <strong>{group.name}</strong>: {t('toolkit.readyCount', { ready: ready.length, total: members.length })}
              {ready.length > 0 && <span className="muted"> ({ready.map((p) => p.name).join(', ')})</span>}
            </li>
          ))}
        </ul>
      </div>
      <div className="controls__group">
        <h3>{t('toolkit.hands')}</h3>
        {hands.length === 0 ? (
          <p className="muted">{t('toolkit.noHands')}</p>
        ) : (
          <ul className="toolkit__hands" data-testid="hands-list">
            {hands.map((h) => (
              <li key={h.participantId} data-testid="raised-hand" data-participant-id={h.participantId}>
                ✋ {names.get(h.participantId) ?? '?'}{' '}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void runCommand({ type: 'hand.lower', participantId: h.participantId })}
                  data-testid="lower-hand"
                >
                  {t('toolkit.lower')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="controls__group">
        <p className="controls__state">{state.privateWriting ? t('toolkit.privateState') : t('toolkit.publicState')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-pressed={!!state.privateWriting}
            onClick={() => void runCommand({ type: 'private.set', on: !state.privateWriting })}
            data-testid="toggle-private"
          >
            {state.privateWriting ? t('toolkit.privateOff') : t('toolkit.privateOn')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!state.privateWriting}
            onClick={() => void runCommand({ type: 'reveal' })}
            data-testid="reveal"
          >
            {t('toolkit.reveal')}
          </button>
        </div>
      </div>
      <VotePanel session={session} voting={state.voting} />
      <div className="controls__group button-row">
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'summon' })}
          data-testid="summon"
        >
          {t('toolkit.summon')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={!!state.timerSound}
          onClick={() => {
            // The click is a user gesture: this page may play sound from now on (and plays the tone as a test).
            if (!state.timerSound) void unlockAudio().then((ok) => ok && playEndTone());
            void runCommand({ type: 'timer.sound', on: !state.timerSound });
          }}
          data-testid="toggle-sound"
        >
          {state.timerSound ? t('toolkit.soundOn') : t('toolkit.soundOff')}
        </button>
        {state.timerSound && (
          <button
            type="button"
            className="button button--small"
            onClick={() => void unlockAudio().then((ok) => ok && playEndTone())}
            data-testid="sound-test"
          >
            {t('toolkit.soundTest')}
          </button>
        )}
      </div>
    </section>
  );
}
