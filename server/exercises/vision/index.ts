import * as Y from 'yjs';
import { addItem, itemsMap } from '../../../shared/boardDoc';
import { readGroups, readParticipant } from '../../../shared/controlDoc';
import { presentPayload, VISION_STATEMENT, visionStatementId } from '../../../shared/exercises/vision';
import { notFound } from '../../errors';
import { assignResearcher } from '../dayTwo/assignResearcher';
import type { ServerExercise } from '../types';

/** Vision commands: which cooperation's vision the screen presents (null: an overview). */
export const visionServer: ServerExercise = {
  kind: 'vision',
  actions: {
    assignResearcher,
    // The cooperation's shared statement, created by the server: checked and created in one synchronous transaction,
    // so two phones opening it at once still share one Y.Text (nothing typed into a second one is lost).
    openStatement: async (ctx) => {
      const me = readParticipant(ctx.control, ctx.principal.participantId ?? '');
      if (!me?.groupId) throw notFound('participant or cooperation');
      const id = visionStatementId(ctx.session.id, me.groupId);
      await ctx.writeBoard((b) => {
        if (itemsMap(b).has(id)) return;
        addItem(b, {
          id,
          kind: VISION_STATEMENT,
          sessionId: ctx.session.id,
          groupId: me.groupId,
          authorId: me.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          text: new Y.Text(),
          editableBy: 'group',
        });
      });
    },
    present: (ctx, payload) => {
      const { groupId } = presentPayload.parse(payload);
      if (groupId && !readGroups(ctx.control).some((g) => g.id === groupId)) throw notFound(`group ${groupId}`);
      ctx.setState({ presentGroupId: groupId });
    },
  },
};
