import { readGroups, readParticipant, readParticipants } from '../../../shared/controlDoc';
import type { TreeState } from '../../../shared/exercises/tree';
import { makeWorkGroups, moveMember } from '../../../shared/exercises/tree/mixedGroups';
import { newId } from '../../../shared/ids';
import { ERROR_CODES } from '../../../shared/protocol';
import { AppError } from '../../errors';
import type { ServerExercise } from '../types';

const groupsOf = (state: TreeState) => state.groups ?? [];

/** The tree of cooperation: grouping, the screen's focus and the harvest's links live in the exercise state. */
export const treeServer: ServerExercise = {
  kind: 'tree',
  actions: {
    'groups.generate': (ctx, payload) => {
      const { size, seed } = payload as { size: number; seed: number };
      const people = readParticipants(ctx.control).map((p) => ({ id: p.id, side: p.side, cooperationId: p.groupId }));
      if (people.length === 0) throw new AppError(ERROR_CODES.conflict, 'nobody has joined yet');
      ctx.setState({ mode: 'mixed', seed, groups: makeWorkGroups(people, size, seed), focusGroupId: null });
    },
    'groups.useExisting': (ctx) => {
      const people = readParticipants(ctx.control);
      const groups = readGroups(ctx.control).map((g) => ({
        id: g.id,
        name: g.name,
        members: people.filter((p) => p.groupId === g.id).map((p) => p.id),
      }));
      ctx.setState({ mode: 'existing', groups, focusGroupId: null });
    },
    'groups.move': (ctx, payload) => {
      const { participantId, groupId } = payload as { participantId: string; groupId: string };
      const state = ctx.state as TreeState;
      if (!readParticipant(ctx.control, participantId)) throw new AppError(ERROR_CODES.notFound, 'unknown participant');
      if (!groupsOf(state).some((g) => g.id === groupId)) throw new AppError(ERROR_CODES.notFound, 'unknown group');
      ctx.setState({ groups: moveMember(groupsOf(state), participantId, groupId) });
    },
    'screen.focus': (ctx, payload) => {
      const { groupId } = payload as { groupId: string | null };
      if (groupId && !groupsOf(ctx.state as TreeState).some((g) => g.id === groupId)) {
        throw new AppError(ERROR_CODES.notFound, 'unknown group');
      }
      ctx.setState({ focusGroupId: groupId });
    },
    'harvest.link': async (ctx, payload) => {
      const { itemIds, label } = payload as { itemIds: string[]; label: string };
      const known = await ctx.readBoard((b) => itemIds.every((id) => b.getMap('items').has(id)));
      if (!known) throw new AppError(ERROR_CODES.notFound, 'unknown item');
      const links = (ctx.state as TreeState).links ?? [];
      ctx.setState({ links: [...links, { id: newId('l'), itemIds: [...new Set(itemIds)], label }] });
    },
    'harvest.unlink': (ctx, payload) => {
      const { linkId } = payload as { linkId: string };
      const links = (ctx.state as TreeState).links ?? [];
      if (!links.some((l) => l.id === linkId)) throw new AppError(ERROR_CODES.notFound, 'unknown link');
      ctx.setState({ links: links.filter((l) => l.id !== linkId) });
    },
  },
};
