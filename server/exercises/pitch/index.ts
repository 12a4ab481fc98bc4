import * as Y from 'yjs';
import { addItem, readItems } from '../../../shared/boardDoc';
import { readGroups, readParticipant } from '../../../shared/controlDoc';
import { PITCH, pitchMinutes, readPitchState } from '../../../shared/exercises/pitch';
import { drawOrder } from '../../../shared/exercises/pitch/order';
import { newId } from '../../../shared/ids';
import { ERROR_CODES } from '../../../shared/protocol';
import { extendTimer, idleTimer, startTimer } from '../../../shared/timer';
import { AppError } from '../../errors';
import type { ExerciseContext, ServerExercise } from '../types';

const groupIds = (ctx: ExerciseContext) => readGroups(ctx.control).map((g) => g.id);

function requireGroup(ctx: ExerciseContext, groupId: string): void {
  if (!groupIds(ctx).includes(groupId)) throw new AppError(ERROR_CODES.notFound, `group ${groupId} not found`);
}

/** The pitch's commands: the group's shared pitch item, the order, and each pitch's own countdown. */
export const pitchServer: ServerExercise = {
  kind: 'pitch',
  actions: {
    open: async (ctx) => {
      const me = readParticipant(ctx.control, ctx.principal.participantId ?? '');
      if (!me) throw new AppError(ERROR_CODES.notFound, 'participant not found');
      // Checked and created in one synchronous transaction, so two phones asking at once still get one pitch.
      await ctx.writeBoard((b) => {
        const exists = readItems(b).some(
          (i) => i.kind === PITCH && i.sessionId === ctx.session.id && i.groupId === me.groupId,
        );
        if (exists) return;
        // One per group; the group writes into its Y.Text together (editableBy: 'group').
        addItem(b, {
          id: newId('i'),
          kind: PITCH,
          sessionId: ctx.session.id,
          groupId: me.groupId,
          authorId: me.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          text: new Y.Text(),
          keywords: [],
          editableBy: 'group',
        });
      });
    },
    setOrder: (ctx, p) => {
      const { order } = p as { order: string[] };
      for (const g of order) requireGroup(ctx, g);
      if (new Set(order).size !== order.length) throw new AppError(ERROR_CODES.badRequest, 'order has duplicates');
      ctx.setState({ order });
    },
    drawOrder: (ctx, p) => {
      const { seed } = p as { seed: number };
      ctx.setState({ order: drawOrder(groupIds(ctx), seed), seed });
    },
    present: (ctx, p) => {
      const { groupId } = p as { groupId: string };
      requireGroup(ctx, groupId);
      const timer = startTimer(idleTimer(pitchMinutes(ctx.session.settings) * 60_000), ctx.now);
      ctx.setState({ current: groupId, timer, reactionsFor: null });
    },
    finish: (ctx) => {
      const s = readPitchState(ctx.state);
      // After a pitch, the screen shows the room's reactions to it.
      ctx.setState({ current: null, timer: null, reactionsFor: s.current ?? s.reactionsFor ?? null });
    },
    extend: (ctx, p) => {
      const s = readPitchState(ctx.state);
      if (!s.timer) throw new AppError(ERROR_CODES.conflict, 'no pitch is running');
      ctx.setState({ timer: extendTimer(s.timer, (p as { seconds: number }).seconds * 1000, ctx.now) });
    },
  },
};
