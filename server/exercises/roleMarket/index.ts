import { setPickLimitsPayload } from '../../../shared/exercises/roleMarket';
import { assignResearcher } from '../dayTwo/assignResearcher';
import type { ServerExercise } from '../types';

/** The role market's commands: picks themselves are content, written by phones straight into the board. */
export const roleMarketServer: ServerExercise = {
  kind: 'roleMarket',
  actions: {
    assignResearcher,
    setPickLimits: (ctx, payload) => {
      const { minPicks, maxPicks } = setPickLimitsPayload.parse(payload);
      ctx.setState({ minPicks, maxPicks });
    },
  },
};
