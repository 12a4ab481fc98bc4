import { readGroups } from '../../../shared/controlDoc';
import { assignResearcherPayload, RESEARCHERS_KEY } from '../../../shared/exercises/dayTwo/workspace';
import { notFound } from '../../errors';
import type { ActionHandler } from '../types';

/** Assigns a researcher (by name) to a cooperation; stored in the session's exercise state, merged over day two. */
export const assignResearcher: ActionHandler = (ctx, payload) => {
  const { groupId, name } = assignResearcherPayload.parse(payload);
  if (!readGroups(ctx.control).some((g) => g.id === groupId)) throw notFound(`group ${groupId}`);
  const prev = (ctx.state[RESEARCHERS_KEY] as Record<string, string> | undefined) ?? {};
  ctx.setState({ [RESEARCHERS_KEY]: { ...prev, [groupId]: name } });
};
