import type { ConsultState } from '../../../shared/exercises/consult';
import type { Session } from '../../../shared/programme';
import { useExerciseState } from '../useExercise';

/** The consult session's server-written state, with its rounds and where the room is. */
export function useConsult(session: Session) {
  const state = useExerciseState(session.id) as ConsultState;
  const rounds = state.rounds ?? [];
  const round = state.round ?? 0;
  return {
    state,
    rounds,
    round,
    current: rounds.find((r) => r.round === round),
    planned: rounds.length > 0,
    after: rounds.length > 0 && round > rounds.length,
  };
}
