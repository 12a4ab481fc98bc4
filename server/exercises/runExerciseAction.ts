import * as Y from 'yjs';
import { patchExerciseState, readExerciseState, readProgramme, readState } from '../../shared/controlDoc';
import { exerciseFor } from '../../shared/exercises/registry';
import { describeZodError, ERROR_CODES, type Command } from '../../shared/protocol';
import type { Principal } from '../../shared/roles';
import { AppError } from '../errors';
import type { DocHub } from '../sync/DocHub';
import type { LiveDoc } from '../sync/LiveDoc';
import { serverOrigin } from '../sync/origins';
import { serverExercise } from './registry';
import type { ExerciseContext } from './types';

/**
 * Runs one `exercise` command: finds the session's exercise, checks the action's roles and payload, and calls the
 * exercise's server handler. Participants may act only on the current session, and not while input is locked.
 */
export async function runExerciseAction(
  hub: DocHub,
  control: LiveDoc,
  principal: Principal,
  cmd: Extract<Command, { type: 'exercise' }>,
): Promise<void> {
  const session = readProgramme(control.doc).find((s) => s.id === cmd.sessionId);
  if (!session) throw new AppError(ERROR_CODES.notFound, `session ${cmd.sessionId} not found`);
  const action = exerciseFor(session.kind).actions?.[cmd.action];
  const handler = serverExercise(session.kind)?.actions[cmd.action];
  if (!action || !handler) throw new AppError(ERROR_CODES.badRequest, `${session.kind} has no action ${cmd.action}`);
  if (!action.roles.includes(principal.role)) {
    throw new AppError(ERROR_CODES.forbidden, `${principal.role} may not ${cmd.action}`);
  }
  if (principal.role === 'participant') {
    const state = readState(control.doc);
    if (state?.currentSessionId !== session.id) throw new AppError(ERROR_CODES.forbidden, 'not the current session');
    if (state.locked) throw new AppError(ERROR_CODES.forbidden, 'input is locked');
  }
  const payload = action.schema.safeParse(cmd.payload);
  if (!payload.success) throw new AppError(ERROR_CODES.badRequest, describeZodError(payload.error));

  const who = serverOrigin(`${principal.role}:exercise:${session.kind}.${cmd.action}`);
  const boardName = `${principal.workshopId}/board`;
  const withBoard = async <T>(fn: (board: LiveDoc) => T): Promise<T> => {
    const board = await hub.get(boardName);
    try {
      const out = fn(board);
      await board.idle();
      return out;
    } finally {
      hub.release(board);
    }
  };
  const ctx: ExerciseContext = {
    principal,
    session,
    now: Date.now(),
    control: control.doc,
    state: readExerciseState(control.doc, session.id),
    setState: (patch) => Y.transact(control.doc, () => patchExerciseState(control.doc, session.id, patch), who),
    writeBoard: (fn) => withBoard((b) => Y.transact(b.doc, () => fn(b.doc), who)),
    writeBoardAnonymously: (fn) => withBoard((b) => Y.transact(b.doc, () => fn(b.doc), serverOrigin('anonymous'))),
    readBoard: (fn) => withBoard((b) => fn(b.doc)),
  };
  await handler(ctx, payload.data);
}
