import { addItem, readItems } from '../../../shared/boardDoc';
import { readParticipant } from '../../../shared/controlDoc';
import { PREJUDICE_ANSWER, PREJUDICE_STATEMENT, type PrejudiceState } from '../../../shared/exercises/prejudiceGame';
import { sessionStatements } from '../../../shared/exercises/prejudiceGame/tally';
import { newId } from '../../../shared/ids';
import { ERROR_CODES } from '../../../shared/protocol';
import { AppError } from '../../errors';
import type { ExerciseContext, ServerExercise } from '../types';
import { AnsweredSet } from './answeredSet';

const answered = new AnsweredSet();

// Times on anonymous items are coarsened to the minute, so the item itself does not pin down a moment.
const minute = (t: number) => t - (t % 60_000);

async function requireStatement(ctx: ExerciseContext, statementId: string): Promise<void> {
  const known = await ctx.readBoard((b) =>
    sessionStatements(readItems(b), ctx.session.id).some((s) => s.id === statementId),
  );
  if (!known) throw new AppError(ERROR_CODES.notFound, `statement ${statementId} not found`);
}

/** The prejudice game: anonymous answers and statements are written by the server with no author. */
export const prejudiceGameServer: ServerExercise = {
  kind: 'prejudiceGame',
  actions: {
    answer: async (ctx, payload) => {
      const { statementId, value } = payload as { statementId: string; value: number };
      const pid = ctx.principal.participantId ?? '';
      const me = readParticipant(ctx.control, pid);
      if (!me) throw new AppError(ERROR_CODES.forbidden, 'unknown participant');
      await requireStatement(ctx, statementId);
      const scope = `${ctx.principal.workshopId}/${ctx.session.id}/${statementId}`;
      if (answered.has(scope, pid)) throw new AppError(ERROR_CODES.conflict, 'already answered');
      answered.add(scope, pid);
      const at = minute(ctx.now);
      await ctx.writeBoardAnonymously((b) =>
        addItem(b, {
          id: newId('a'),
          kind: PREJUDICE_ANSWER,
          sessionId: ctx.session.id,
          groupId: null,
          authorId: null,
          createdAt: at,
          updatedAt: at,
          statementId,
          side: me.side,
          value,
        }),
      );
    },
    'statement.add': async (ctx, payload) => {
      const { text } = payload as { text: string };
      const anonymous = ctx.principal.role === 'participant';
      const at = anonymous ? minute(ctx.now) : ctx.now;
      const item = {
        id: newId('st'),
        kind: PREJUDICE_STATEMENT,
        sessionId: ctx.session.id,
        groupId: null,
        authorId: anonymous ? null : ctx.principal.role,
        createdAt: at,
        updatedAt: at,
        text,
      };
      if (anonymous) await ctx.writeBoardAnonymously((b) => addItem(b, item));
      else await ctx.writeBoard((b) => addItem(b, item));
    },
    'statement.show': async (ctx, payload) => {
      const { statementId } = payload as { statementId: string | null };
      if (statementId) await requireStatement(ctx, statementId);
      ctx.setState({ currentStatementId: statementId } satisfies PrejudiceState);
    },
    'statement.reveal': async (ctx, payload) => {
      const { statementId, revealed } = payload as { statementId: string; revealed: boolean };
      await requireStatement(ctx, statementId);
      const now = new Set((ctx.state as PrejudiceState).revealed ?? []);
      if (revealed) now.add(statementId);
      else now.delete(statementId);
      ctx.setState({ revealed: [...now] } satisfies PrejudiceState);
    },
  },
};
