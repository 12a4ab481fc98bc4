import * as Y from 'yjs';
import { addItem, itemsMap, kindAndSession, readItem, type Item } from '../../shared/boardDoc';
import { readParticipants, readProgramme, readState, setState } from '../../shared/controlDoc';
import { itemSchema, takesDots } from '../../shared/exercises/registry';
import { newId } from '../../shared/ids';
import { ERROR_CODES, type Command, type SummonPayload } from '../../shared/protocol';
import type { Principal } from '../../shared/roles';
import { canVote, VOTE } from '../../shared/toolkit/votes';
import { AppError } from '../errors';
import type { DocHub } from '../sync/DocHub';
import type { LiveDoc } from '../sync/LiveDoc';
import { serverOrigin } from '../sync/origins';
import { log } from '../logging';

/** Toolkit commands that need more than one synchronous write to the control document. */
const TOOLKIT = ['summon', 'hand.raise', 'hand.lower', 'reveal', 'vote.cast'] as const;
export type ToolkitCommandType = (typeof TOOLKIT)[number];
type ToolkitCommand = Extract<Command, { type: ToolkitCommandType }>;

export const isToolkitCommand = (c: Command): c is ToolkitCommand => (TOOLKIT as readonly string[]).includes(c.type);

/** Ephemeral signals: sent over socket.io to people in the room, never stored (DESIGN.md §3). */
export interface Ephemeral {
  summon(workshopId: string, payload: SummonPayload): void;
  setHand(workshopId: string, participantId: string, raised: boolean): void;
}

export const NO_EPHEMERAL: Ephemeral = { summon: () => undefined, setHand: () => undefined };

/**
 * Who cast which anonymous dot, kept in this process's memory only, so the budget holds without the record ever
 * linking a dot to a person. Key: workshop, vote set and participant; value: the ids of their dots.
 */
const anonymousLedger = new Map<string, string[]>();

interface ToolkitContext {
  hub: DocHub;
  control: LiveDoc;
  principal: Principal;
  ephemeral: Ephemeral;
}

const bad = (message: string) => new AppError(ERROR_CODES.badRequest, message);

function agenda(control: Y.Doc) {
  const state = readState(control);
  if (!state) throw bad('workshop has no state');
  return state;
}

async function withDoc<T>(hub: DocHub, name: string, fn: (live: LiveDoc) => T | Promise<T>): Promise<T> {
  const live = await hub.get(name);
  try {
    const out = await fn(live);
    await live.idle();
    return out;
  } finally {
    hub.release(live);
  }
}

/** Why a draft cannot be revealed, or null when it can (it looks like an item of this session and its kind). */
function draftProblem(d: Item, sessionId: string): string | null {
  if (typeof d.id !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(d.id)) return 'bad id';
  if (d.sessionId !== sessionId) return null;
  if (typeof d.kind !== 'string') return 'no kind';
  const schema = itemSchema(d.kind);
  const parsed = schema?.safeParse(d);
  return parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? 'invalid') : null;
}

/** A copy of a draft's map for the board: nested Yjs types (a Y.Text) are copied as new ones, so texts come across. */
function copyDraft(m: Y.Map<unknown>, fixed: Record<string, unknown>): Y.Map<unknown> {
  const out = new Y.Map<unknown>();
  for (const [k, v] of m.entries()) {
    if (k in fixed) continue;
    if (v instanceof Y.Text) out.set(k, new Y.Text(v.toString()));
    else if (v instanceof Y.AbstractType) out.set(k, v.toJSON());
    else if (v !== undefined) out.set(k, v);
  }
  for (const [k, v] of Object.entries(fixed)) if (v !== undefined) out.set(k, v);
  return out;
}

export interface RevealReport {
  revealed: number;
  /** Drafts left in their writer's own document because they are malformed (the writer still has them). */
  skipped: Array<{ participantId: string; itemId: string; reason: string }>;
}

/**
 * Reveal: every participant's drafts of the current session move from `own/<participant>` into the board as that
 * participant's items (written by the server, so nobody else could have seen them before), and private writing ends.
 * A draft lands in its writer's own current group (plenary stays plenary), never in a group it claims; a malformed
 * draft is skipped and reported, never failing the reveal, and stays in its writer's document.
 */
export async function reveal({ hub, control, principal }: ToolkitContext): Promise<RevealReport> {
  const sessionId = agenda(control.doc).currentSessionId;
  const who = serverOrigin(`${principal.role}:reveal`);
  const w = principal.workshopId;
  const report: RevealReport = { revealed: 0, skipped: [] };
  try {
    await withDoc(hub, `${w}/board`, async (board) => {
      for (const p of readParticipants(control.doc)) {
        await withDoc(hub, `${w}/own/${p.id}`, (own) => {
          const ownItems = itemsMap(own.doc);
          const drafts: Array<{ d: Item; m: Y.Map<unknown> }> = [];
          for (const [key, m] of ownItems.entries()) {
            let d: Item;
            try {
              d = readItem(m);
            } catch {
              report.skipped.push({ participantId: p.id, itemId: key, reason: 'unreadable' });
              continue;
            }
            const problem = d.id === key ? draftProblem(d, sessionId) : 'id does not match its key';
            if (problem) report.skipped.push({ participantId: p.id, itemId: key, reason: problem });
            else if (d.sessionId === sessionId) drafts.push({ d, m });
          }
          if (drafts.length === 0) return;
          const items = itemsMap(board.doc);
          const revealed: string[] = [];
          // A dot drafted in private writing lands only on what the session puts to the vote (as on the board itself,
          // server/sync/guard/itemRules.ts): one aimed elsewhere stays with its writer.
          const exercise = readProgramme(control.doc).find((s) => s.id === sessionId)?.kind;
          Y.transact(
            board.doc,
            () => {
              for (const { d, m } of drafts) {
                if (items.has(d.id)) {
                  // Never copied over an item already on the board; the draft stays with its writer.
                  report.skipped.push({ participantId: p.id, itemId: d.id, reason: 'id already on the board' });
                  continue;
                }
                if (d.kind === VOTE && !takesDots(kindAndSession(items, d.targetId), sessionId, exercise)) {
                  report.skipped.push({ participantId: p.id, itemId: d.id, reason: 'this item takes no dots' });
                  continue;
                }
                const groupId = d.groupId === null || d.groupId === undefined ? null : (p.groupId ?? null);
                items.set(d.id, copyDraft(m, { authorId: p.id, groupId }));
                revealed.push(d.id);
              }
            },
            who,
          );
          report.revealed += revealed.length;
          if (revealed.length) Y.transact(own.doc, () => revealed.forEach((id) => ownItems.delete(id)), who);
        });
      }
    });
  } finally {
    // Whatever happened to one draft, private writing ends: nobody is left writing into a hidden document.
    Y.transact(control.doc, () => setState(control.doc, { privateWriting: false }), who);
  }
  if (report.skipped.length)
    log.warn(
      { workshopId: w, skipped: report.skipped },
      `reveal: ${report.skipped.length} draft(s) not revealed, kept with their writers`,
    );
  return report;
}

/** One anonymous dot more or less: checked against the open vote, written by the server with no author. */
async function castAnonymous(ctx: ToolkitContext, cmd: Extract<Command, { type: 'vote.cast' }>): Promise<void> {
  const state = agenda(ctx.control.doc);
  const voting = state.voting;
  if (!voting?.anonymous) throw new AppError(ERROR_CODES.conflict, 'no anonymous vote is open');
  if (state.locked) throw new AppError(ERROR_CODES.forbidden, 'input is locked');
  const key = `${ctx.principal.workshopId}:${state.currentSessionId}:${voting.setId}:${ctx.principal.participantId}`;
  const mine = anonymousLedger.get(key) ?? [];
  await withDoc(ctx.hub, `${ctx.principal.workshopId}/board`, (board) => {
    const items = itemsMap(board.doc);
    const target = items.get(cmd.targetId);
    if (!target || target.get('sessionId') !== state.currentSessionId)
      throw new AppError(ERROR_CODES.notFound, 'no such item');
    // Only what the exercise puts to the vote takes dots (not a dot, a photo or another exercise's item).
    const session = readProgramme(ctx.control.doc).find((s) => s.id === state.currentSessionId);
    if (!takesDots(kindAndSession(items, cmd.targetId), state.currentSessionId, session?.kind))
      throw new AppError(ERROR_CODES.badRequest, 'this item takes no dots');
    const perTarget = new Map<string, number>();
    for (const id of mine) {
      const t = items.get(id)?.get('targetId');
      if (typeof t === 'string') perTarget.set(t, (perTarget.get(t) ?? 0) + 1);
    }
    if (!canVote(perTarget, cmd.targetId, cmd.delta, voting)) throw new AppError(ERROR_CODES.conflict, 'no votes left');
    // No actor: the log holds `server:anonymous`, the item no author.
    const origin = serverOrigin('anonymous');
    if (cmd.delta < 0) {
      const drop = mine.find((id) => items.get(id)?.get('targetId') === cmd.targetId);
      if (!drop) return;
      Y.transact(board.doc, () => items.delete(drop), origin);
      anonymousLedger.set(
        key,
        mine.filter((id) => id !== drop),
      );
      return;
    }
    const id = newId('i');
    // Minute precision: the exact time would let someone match a dot to a tap they saw.
    const at = Math.floor(Date.now() / 60_000) * 60_000;
    Y.transact(
      board.doc,
      () =>
        addItem(board.doc, {
          id,
          kind: VOTE,
          sessionId: state.currentSessionId,
          groupId: null,
          authorId: null,
          createdAt: at,
          updatedAt: at,
          setId: voting.setId,
          targetId: cmd.targetId,
        }),
      origin,
    );
    anonymousLedger.set(key, [...mine, id]);
  });
}

/** Runs a toolkit command; every check comes before the first write. */
export async function runToolkitCommand(ctx: ToolkitContext, cmd: ToolkitCommand): Promise<void> {
  const w = ctx.principal.workshopId;
  switch (cmd.type) {
    case 'summon': {
      const state = agenda(ctx.control.doc);
      ctx.ephemeral.summon(w, { sessionId: state.currentSessionId, itemId: cmd.itemId ?? null, at: Date.now() });
      return;
    }
    case 'hand.raise':
      if (!ctx.principal.participantId) throw bad('only a participant has a hand');
      ctx.ephemeral.setHand(w, ctx.principal.participantId, cmd.raised);
      return;
    case 'hand.lower':
      ctx.ephemeral.setHand(w, cmd.participantId, false);
      return;
    case 'reveal':
      await reveal(ctx);
      return;
    case 'vote.cast':
      return castAnonymous(ctx, cmd);
  }
}
