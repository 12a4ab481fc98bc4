import * as Y from 'yjs';
import {
  deleteGroup,
  putGroup,
  putParticipant,
  readGroups,
  readMeta,
  readParticipant,
  readParticipants,
  readProgramme,
  readState,
  replaceProgramme,
  setMeta,
  setState,
} from '../../shared/controlDoc';
import { readItems } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import type { Session } from '../../shared/programme';
import { LIMITS } from '../../shared/limits';
import {
  COMMAND_ROLES,
  commandSchema,
  describeZodError,
  ERROR_CODES,
  type Ack,
  type Command,
} from '../../shared/protocol';
import { exerciseFor, votableKinds } from '../../shared/exercises/registry';
import { turnsAt } from '../../shared/screenPaging';
import { withReady } from '../../shared/toolkit/ready';
import { runExerciseAction } from '../exercises/runExerciseAction';
import { isToolkitCommand, NO_EPHEMERAL, runToolkitCommand, type Ephemeral, type ToolkitCommandType } from './toolkit';
import type { Principal } from '../../shared/roles';
import { extendTimer, idleTimer, pauseTimer, resetTimer, startTimer, timerRunning } from '../../shared/timer';
import { AppError } from '../errors';
import type { DocHub } from '../sync/DocHub';
import { serverOrigin } from '../sync/origins';
import { controlDocName } from '../workshops';
import { log } from '../logging';

type Handler<T extends Command['type']> = (
  doc: Y.Doc,
  cmd: Extract<Command, { type: T }>,
  now: number,
  principal: Principal,
) => void;
type Handlers = { [T in Exclude<Command['type'], 'exercise' | ToolkitCommandType>]: Handler<T> };

const bad = (message: string) => new AppError(ERROR_CODES.badRequest, message);

function goToSession(doc: Y.Doc, sessionId: string, now: number): void {
  const session = readProgramme(doc).find((s) => s.id === sessionId);
  if (!session) throw new AppError(ERROR_CODES.notFound, `session ${sessionId} not found`);
  const state = readState(doc);
  // Leaving a session keeps its timer (frozen) and phase; coming back resumes them, so "previous" undoes "next".
  const saved = { ...(state?.saved ?? {}) };
  if (state) {
    saved[state.currentSessionId] = {
      phase: state.phase,
      timer: pauseTimer(state.timer, now),
      running: timerRunning(state.timer),
    };
  }
  const back = saved[session.id];
  const phases = exerciseFor(session.kind).phases;
  delete saved[session.id];
  // Otherwise a session starts clean: its own timer, its exercise's first phase, nothing locked, spotlighted or ready.
  setState(doc, {
    saved,
    currentSessionId: session.id,
    phase: back && phases.includes(back.phase) ? back.phase : (phases[0] ?? 'main'),
    // A timer that had run out stays at zero (starting it would begin the full length again).
    timer: back
      ? back.running && back.timer.remainingMs > 0
        ? startTimer(back.timer, now)
        : back.timer
      : idleTimer(session.plannedMinutes * 60_000),
    locked: false,
    spotlightItemId: null,
    ready: [],
    privateWriting: session.settings.private === true,
    voting: null,
    screenFocusId: null,
    // A new view starts at its first page.
    screenTurn: { base: 0, at: now },
  });
}

/** The screen's page counter now, moved by `delta` pages (the page shown next gets its full time). */
const turned = (doc: Y.Doc, now: number, delta: number, paused?: boolean) => {
  const state = readState(doc);
  return {
    screenTurn: { base: turnsAt(state?.screenTurn, state?.screenPaused === true, now) + delta, at: now },
    ...(paused !== undefined && { screenPaused: paused }),
  };
};

function step(doc: Y.Doc, delta: 1 | -1, now: number): void {
  const programme = readProgramme(doc);
  const i = programme.findIndex((s) => s.id === readState(doc)?.currentSessionId);
  const next = programme[i + delta];
  if (!next) throw bad(delta > 0 ? 'already at the last session' : 'already at the first session');
  goToSession(doc, next.id, now);
}

function timer(doc: Y.Doc) {
  const t = readState(doc)?.timer;
  if (!t) throw bad('workshop has no state');
  return t;
}

/** A dot vote opens only where the phones have something to put dots on (the exercise's `votable` item kinds). */
function requireVotable(doc: Y.Doc): void {
  const id = readState(doc)?.currentSessionId;
  const session = readProgramme(doc).find((s) => s.id === id);
  if (!session) throw bad('workshop has no current session');
  if (votableKinds(session.kind).length === 0)
    throw new AppError(ERROR_CODES.nothingToVote, `nothing to vote on in ${session.kind} (session ${session.id})`);
}

function requireParticipant(doc: Y.Doc, id: string) {
  const p = readParticipant(doc, id);
  if (!p) throw new AppError(ERROR_CODES.notFound, `participant ${id} not found`);
  return p;
}

function requireGroup(doc: Y.Doc, id: string) {
  const g = readGroups(doc).find((x) => x.id === id);
  if (!g) throw new AppError(ERROR_CODES.notFound, `group ${id} not found`);
  return g;
}

/** What each command does to the control document. Each runs inside one transaction with the server's origin. */
const HANDLERS: Handlers = {
  'session.next': (doc, _c, now) => step(doc, 1, now),
  'session.previous': (doc, _c, now) => step(doc, -1, now),
  'session.goto': (doc, c, now) => goToSession(doc, c.sessionId, now),
  // "Klaar" means done with this phase, so a new phase starts with nobody ready.
  'phase.set': (doc, c, now) => setState(doc, { phase: c.phase, ready: [], screenTurn: { base: 0, at: now } }),
  'ready.set': (doc, c, _now, principal) => {
    const p = requireParticipant(doc, principal.participantId ?? '');
    setState(doc, { ready: withReady(readState(doc)?.ready, p.id, c.ready) });
  },
  // A participant agrees to the consent text as it is now: only to the version on view (it may have changed again).
  'consent.agree': (doc, c, now, principal) => {
    const p = requireParticipant(doc, principal.participantId ?? '');
    if (c.version !== (readMeta(doc)?.consentVersion ?? 1)) throw bad('the consent text has changed again');
    putParticipant(doc, { ...p, consentAt: now, consentVersion: c.version });
  },
  'private.set': (doc, c) => setState(doc, { privateWriting: c.on }),
  'timer.sound': (doc, c) => setState(doc, { timerSound: c.on }),
  'vote.open': (doc, c) => {
    // Closing a vote is always allowed; opening one needs votable items.
    if (c.voting) requireVotable(doc);
    setState(doc, { voting: c.voting });
  },
  'timer.start': (doc, c, now) => {
    const t = c.minutes ? idleTimer(c.minutes * 60_000) : timer(doc);
    setState(doc, { timer: startTimer(t, now) });
  },
  'timer.pause': (doc, _c, now) => setState(doc, { timer: pauseTimer(timer(doc), now) }),
  'timer.extend': (doc, c, now) => setState(doc, { timer: extendTimer(timer(doc), c.seconds * 1000, now) }),
  'timer.reset': (doc, c) =>
    setState(doc, { timer: resetTimer(timer(doc), c.minutes ? c.minutes * 60_000 : undefined) }),
  'input.lock': (doc, c) => setState(doc, { locked: c.locked }),
  'spotlight.set': (doc, c) => setState(doc, { spotlightItemId: c.itemId }),
  'join.open': (doc, c) => setMeta(doc, { joinOpen: c.open }),
  'screen.page': (doc, c, now) =>
    setState(doc, { screenNudge: (readState(doc)?.screenNudge ?? 0) + c.delta, ...turned(doc, now, c.delta) }),
  'screen.pause': (doc, c, now) => setState(doc, turned(doc, now, 0, c.paused)),
  'screen.focus': (doc, c) => setState(doc, { screenFocusId: c.focusId }),
  'screen.join': (doc, c) => setState(doc, { joinPanel: c.size }),
  'participant.move': (doc, c) => {
    const p = requireParticipant(doc, c.participantId);
    requireGroup(doc, c.groupId);
    putParticipant(doc, { ...p, groupId: c.groupId });
  },
  'participant.rename': (doc, c) => putParticipant(doc, { ...requireParticipant(doc, c.participantId), name: c.name }),
  'group.add': (doc, c) => {
    const groups = readGroups(doc);
    if (groups.length >= LIMITS.groups) throw new AppError(ERROR_CODES.tooMany, 'too many groups');
    const order = groups.reduce((m, g) => Math.max(m, g.order), -1) + 1;
    putGroup(doc, { id: newId('g'), name: c.name, order });
  },
  'group.rename': (doc, c) => putGroup(doc, { ...requireGroup(doc, c.groupId), name: c.name }),
  'group.remove': (doc, c) => {
    requireGroup(doc, c.groupId);
    // Removing a group must not orphan people: move them first.
    if (readParticipants(doc).some((p) => p.groupId === c.groupId)) {
      throw new AppError(ERROR_CODES.conflict, 'group still has participants; move them first');
    }
    deleteGroup(doc, c.groupId);
  },
  'programme.set': (doc, c, now) => {
    const ids = new Set(c.programme.map((s) => s.id));
    if (ids.size !== c.programme.length) throw bad('session ids must be unique');
    replaceProgramme(doc, c.programme);
    const current = readState(doc)?.currentSessionId;
    const first = c.programme[0];
    if (first && (!current || !ids.has(current))) goToSession(doc, first.id, now);
  },
  'workshop.update': (doc, c) => {
    const meta = readMeta(doc);
    // A changed consent text is a new version: participants who joined earlier agreed to the old one.
    const changed = c.consentText && JSON.stringify(c.consentText) !== JSON.stringify(meta?.consentText);
    setMeta(doc, {
      ...(c.title ? { title: c.title } : {}),
      ...(c.consentText ? { consentText: c.consentText } : {}),
      ...(c.timeZone ? { timeZone: c.timeZone } : {}),
      ...(changed ? { consentVersion: (meta?.consentVersion ?? 1) + 1 } : {}),
    });
  },
};

/** Nothing a person wrote is silently dropped: a session with contributions cannot leave the programme. */
async function refuseDroppingContent(hub: DocHub, workshopId: string, control: Y.Doc, next: Session[]): Promise<void> {
  const keep = new Set(next.map((s) => s.id));
  const dropped = readProgramme(control).filter((s) => !keep.has(s.id));
  if (dropped.length === 0) return;
  const board = await hub.get(`${workshopId}/board`);
  try {
    const used = new Set(readItems(board.doc).map((i) => i.sessionId));
    const withContent = dropped.filter((s) => used.has(s.id));
    if (withContent.length > 0)
      throw new AppError(
        ERROR_CODES.conflict,
        `session ${withContent.map((s) => s.id).join(', ')} has contributions and cannot be removed`,
      );
  } finally {
    hub.release(board);
  }
}

/**
 * Validates, authorises and runs one command against the workshop's control document.
 * Nothing changes unless every check passes.
 */
export async function runCommand(
  hub: DocHub,
  principal: Principal,
  raw: unknown,
  ephemeral: Ephemeral = NO_EPHEMERAL,
): Promise<Ack> {
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: { code: ERROR_CODES.badRequest, message: describeZodError(parsed.error) } };
  if (!COMMAND_ROLES[parsed.data.type].includes(principal.role)) {
    return {
      ok: false,
      error: { code: ERROR_CODES.forbidden, message: `${principal.role} may not ${parsed.data.type}` },
    };
  }
  const live = await hub.get(controlDocName(principal.workshopId));
  try {
    const cmd = parsed.data;
    if (isToolkitCommand(cmd)) {
      await runToolkitCommand({ hub, control: live, principal, ephemeral }, cmd);
      await live.idle();
      return { ok: true };
    }
    if (cmd.type === 'exercise') {
      await runExerciseAction(hub, live, principal, cmd);
      await live.idle();
      return { ok: true };
    }
    if (cmd.type === 'programme.set') await refuseDroppingContent(hub, principal.workshopId, live.doc, cmd.programme);
    const handler = HANDLERS[cmd.type] as Handler<typeof cmd.type>;
    // Yjs has no rollback: every handler does all its checks before its first write, so a refusal changes nothing.
    Y.transact(
      live.doc,
      () => handler(live.doc, cmd, Date.now(), principal),
      serverOrigin(`${principal.role}:${cmd.type}`),
    );
    await live.idle();
    // The organiser's list of workshops (GET /api/workshops) shows the title the facilitator gave it last.
    if (cmd.type === 'workshop.update' && cmd.title)
      await hub.storage.setWorkshopTitle(principal.workshopId, cmd.title);
    return { ok: true };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    log.error({ err, workshopId: principal.workshopId }, 'command failed');
    return { ok: false, error: { code: ERROR_CODES.internal, message: 'command failed' } };
  } finally {
    hub.release(live);
  }
}
