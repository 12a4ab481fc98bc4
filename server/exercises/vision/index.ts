import { readGroups } from '../../../shared/controlDoc';
import { presentPayload } from '../../../shared/exercises/vision';
import { notFound } from '../../errors';
import { assignResearcher } from '../dayTwo/assignResearcher';
import type { ServerExercise } from '../types';

/** Vision commands: which cooperation's vision the screen presents (null: an overview). */
export const visionServer: ServerExercise = {
  kind: 'vision',
  actions: {
    assignResearcher,
    present: (ctx, payload) => {
      const { groupId } = presentPayload.parse(payload);
      if (groupId && !readGroups(ctx.control).some((g) => g.id === groupId)) throw notFound(`group ${groupId}`);
      ctx.setState({ presentGroupId: groupId });
    },
  },
};
