import { readItems } from '../../../shared/boardDoc';
import { SOURCE_ROLES } from '../../../shared/catalogue/roles';
import { readParticipants } from '../../../shared/controlDoc';
import { ROLE_PROPOSAL, type StrengthsState } from '../../../shared/exercises/strengths';
import { makeWorkGroups } from '../../../shared/exercises/tree/mixedGroups';
import { ERROR_CODES } from '../../../shared/protocol';
import { AppError } from '../../errors';
import type { ExerciseContext, ServerExercise } from '../types';

async function requireRole(ctx: ExerciseContext, roleId: string, proposedOnly = false): Promise<void> {
  if (!proposedOnly && SOURCE_ROLES.some((r) => r.id === roleId)) return;
  const found = await ctx.readBoard((b) =>
    readItems(b).some((i) => i.id === roleId && i.kind === ROLE_PROPOSAL && i.sessionId === ctx.session.id),
  );
  if (!found) throw new AppError(ERROR_CODES.notFound, `role ${roleId} not found`);
}

/** Krachten en rollen: grouping and the facilitator's curation of the role catalogue. */
export const strengthsServer: ServerExercise = {
  kind: 'strengths',
  actions: {
    'grouping.set': (ctx, payload) => {
      const { mode, size, seed } = payload as { mode: 'bySide' | 'mixed'; size: number; seed: number };
      const people = readParticipants(ctx.control).map((p) => ({ id: p.id, side: p.side, cooperationId: p.groupId }));
      const groups =
        mode === 'mixed'
          ? makeWorkGroups(people, size, seed)
          : [
              {
                id: 'side-formal',
                name: 'Formeel',
                members: people.filter((p) => p.side === 'formal').map((p) => p.id),
              },
              {
                id: 'side-informal',
                name: 'Informeel',
                members: people.filter((p) => p.side === 'informal').map((p) => p.id),
              },
            ];
      ctx.setState({ grouping: mode, groups } satisfies StrengthsState);
    },
    'role.accept': async (ctx, payload) => {
      const { roleId, accepted } = payload as { roleId: string; accepted: boolean };
      await requireRole(ctx, roleId, true);
      const set = new Set((ctx.state as StrengthsState).acceptedRoles ?? []);
      if (accepted) set.add(roleId);
      else set.delete(roleId);
      ctx.setState({ acceptedRoles: [...set] } satisfies StrengthsState);
    },
    'role.rename': async (ctx, payload) => {
      const { roleId, name } = payload as { roleId: string; name: string };
      await requireRole(ctx, roleId);
      ctx.setState({
        roleNames: { ...(ctx.state as StrengthsState).roleNames, [roleId]: name },
      } satisfies StrengthsState);
    },
    'role.merge': async (ctx, payload) => {
      const { roleId, intoId } = payload as { roleId: string; intoId: string | null };
      await requireRole(ctx, roleId);
      const merges = { ...(ctx.state as StrengthsState).roleMerges };
      if (intoId === null) delete merges[roleId];
      else {
        if (intoId === roleId) throw new AppError(ERROR_CODES.badRequest, 'cannot merge a role into itself');
        await requireRole(ctx, intoId);
        if (merges[intoId]) throw new AppError(ERROR_CODES.conflict, 'target is itself merged');
        // Roles merged into this one follow it to the new target, so merges stay one level deep.
        for (const [k, v] of Object.entries(merges)) if (v === roleId) merges[k] = intoId;
        merges[roleId] = intoId;
      }
      ctx.setState({ roleMerges: merges } satisfies StrengthsState);
    },
  },
};
