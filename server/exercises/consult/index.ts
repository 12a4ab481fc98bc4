import { readGroups, readParticipant } from '../../../shared/controlDoc';
import {
  configurePayload,
  consultSchedule,
  setRoundPayload,
  signUp,
  signUpPayload,
  signUpRefusal,
  type ConsultRound,
  type ConsultState,
} from '../../../shared/exercises/consult';
import { newId } from '../../../shared/ids';
import { ERROR_CODES } from '../../../shared/protocol';
import { AppError, forbidden } from '../../errors';
import { assignResearcher } from '../dayTwo/assignResearcher';
import type { ServerExercise } from '../types';

/** Item references allow rounds 1–20 (`consultRef`). */
const MAX_ROUNDS = 20;

const REFUSALS = {
  self: 'a cooperation cannot consult itself',
  full: 'this host is full',
  metBefore: 'these cooperations met in an earlier round',
  isHost: 'your cooperation hosts visitors this round',
} as const;

/** Consult commands: plan the rounds (schedule or free sign-up), move through them, sign up in free mode. */
export const consultServer: ServerExercise = {
  kind: 'consult',
  actions: {
    assignResearcher,
    configure: (ctx, payload) => {
      const p = configurePayload.parse(payload);
      const groups = readGroups(ctx.control).map((g) => g.id);
      if (groups.length < 2) throw new AppError(ERROR_CODES.conflict, 'consults need at least two cooperations');
      // Planning again keeps every round that has started (and what was written in it) under its own number and id;
      // the new plan's rounds follow them, so no earlier question, advice or takeaway source moves to another round.
      const state = ctx.state as ConsultState;
      const started = Math.min(state.round ?? 0, state.rounds?.length ?? 0);
      const kept = (state.rounds ?? [])
        .filter((r) => r.round <= started)
        .map((r) => ({ ...r, id: r.id ?? newId('r') }));
      if (kept.length + p.rounds > MAX_ROUNDS)
        throw new AppError(ERROR_CODES.tooMany, `at most ${MAX_ROUNDS} rounds in all (${kept.length} have started)`);
      const planned: ConsultRound[] =
        p.mode === 'schedule'
          ? consultSchedule(groups, p.rounds)
          : Array.from({ length: p.rounds }, (_, i) => ({ round: i + 1, consults: [], idle: [] }));
      const rounds = [...kept, ...planned.map((r) => ({ ...r, round: kept.length + r.round, id: newId('r') }))];
      const next: ConsultState = { mode: p.mode, roundMinutes: p.roundMinutes, cap: p.cap, rounds, round: started };
      ctx.setState({ ...next });
    },
    setRound: (ctx, payload) => {
      const { round } = setRoundPayload.parse(payload);
      const state = ctx.state as ConsultState;
      if (!state.rounds) throw new AppError(ERROR_CODES.conflict, 'plan the rounds first');
      if (round > state.rounds.length + 1) throw new AppError(ERROR_CODES.badRequest, `no round ${round}`);
      ctx.setState({ round });
    },
    signUp: (ctx, payload) => {
      const { round, hostId } = signUpPayload.parse(payload);
      const state = ctx.state as ConsultState;
      if (state.mode !== 'free' || !state.rounds) throw forbidden('sign-up is only open in free mode');
      const me = ctx.principal.participantId ? readParticipant(ctx.control, ctx.principal.participantId) : undefined;
      if (!me) throw forbidden('participants only');
      if (!readGroups(ctx.control).some((g) => g.id === hostId))
        throw new AppError(ERROR_CODES.notFound, 'no such host');
      const current = state.rounds.find((r) => r.round === round);
      if (!current) throw new AppError(ERROR_CODES.notFound, `no round ${round}`);
      const refusal = signUpRefusal(state.rounds, round, me.groupId, hostId, state.cap ?? 1);
      if (refusal) throw new AppError(ERROR_CODES.conflict, REFUSALS[refusal]);
      const updated = signUp(current, me.groupId, hostId);
      ctx.setState({ rounds: state.rounds.map((r) => (r.round === round ? updated : r)) });
    },
  },
};
