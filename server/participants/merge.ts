import * as Y from 'yjs';
import { itemsMap } from '../../shared/boardDoc';
import { CONTROL, readParticipants, readState, setState, type ExerciseState } from '../../shared/controlDoc';
import type { Connections } from '../connections';
import { AppError, notFound } from '../errors';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { serverOrigin } from '../sync/origins';

/** Replaces the id `from` by `into` wherever it appears as a plain string value in an exercise's JSON state. */
function replaceId(value: unknown, from: string, into: string): unknown {
  if (value === from) return into;
  if (Array.isArray(value)) {
    const out = value.map((v) => replaceId(v, from, into));
    // A list of ids that held both (a group with both devices in it) keeps one.
    return out.every((v) => typeof v === 'string') ? [...new Set(out)] : out;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === from ? into : k, replaceId(v, from, into)]));
  }
  return value;
}

/**
 * Two participants who are one person (a second registration after a lost phone or a cleared browser) become one:
 * `from`'s board items, private drafts, places in exercise groups and client-id claims move to `into`; `from`'s
 * tokens now authenticate as `into`, and `from` leaves the participant list, so the console and the research
 * exports show one person. All checks run before the first write. Storage (tokens and claims) changes in one
 * transaction; each document changes in one Yjs transaction by the server. `from`'s open connections are closed
 * (1012), so its phone reconnects as `into`; the board is reloaded so the update guard reads the moved claims.
 */
export async function mergeParticipants(
  opts: { storage: Storage; hub: DocHub; connections: Connections },
  workshopId: string,
  from: string,
  into: string,
): Promise<{ items: number; drafts: number }> {
  const { storage, hub, connections } = opts;
  if (from === into) throw new AppError('bad_request', 'a participant cannot be merged into themselves');
  const control = await hub.get(`${workshopId}/control`);
  try {
    const people = readParticipants(control.doc);
    if (!people.some((p) => p.id === from)) throw notFound('participant to merge');
    if (!people.some((p) => p.id === into)) throw notFound('participant to merge into');

    // Nobody writes as `from` while things move: its phone reconnects as `into` afterwards.
    connections.closeWhere(
      (p) => p.workshopId === workshopId && p.participantId === from,
      1012,
      'merged into another participant',
    );
    const boardName = `${workshopId}/board`;
    const board = await hub.get(boardName);
    let items = 0;
    let drafts = 0;
    try {
      await board.idle();
      Y.transact(
        board.doc,
        () => {
          for (const m of itemsMap(board.doc).values()) {
            if (m.get('authorId') !== from) continue;
            m.set('authorId', into);
            items++;
          }
        },
        serverOrigin('merge'),
      );
      await board.idle();
    } finally {
      hub.release(board);
    }

    // Drafts: copied from `from`'s own document into `into`'s, as `into`'s.
    const ownFrom = await hub.get(`${workshopId}/own/${from}`);
    const ownInto = await hub.get(`${workshopId}/own/${into}`);
    try {
      const source = itemsMap(ownFrom.doc);
      if (source.size > 0) {
        Y.transact(
          ownInto.doc,
          () => {
            const target = itemsMap(ownInto.doc);
            for (const [id, m] of source.entries()) {
              if (target.has(id)) continue;
              const copy = new Y.Map<unknown>();
              for (const [k, v] of m.entries()) {
                if (v instanceof Y.Text) copy.set(k, new Y.Text(v.toString()));
                else if (v instanceof Y.AbstractType) copy.set(k, v.toJSON());
                else copy.set(k, k === 'authorId' && v === from ? into : v);
              }
              target.set(id, copy);
              drafts++;
            }
          },
          serverOrigin('merge'),
        );
        Y.transact(ownFrom.doc, () => source.clear(), serverOrigin('merge'));
      }
      await Promise.all([ownFrom.idle(), ownInto.idle()]);
    } finally {
      hub.release(ownFrom);
      hub.release(ownInto);
    }

    Y.transact(
      control.doc,
      () => {
        const exercises = control.doc.getMap<ExerciseState>(CONTROL.exercises);
        for (const [sessionId, state] of [...exercises.entries()]) {
          const next = replaceId(state, from, into) as ExerciseState;
          if (JSON.stringify(next) !== JSON.stringify(state)) exercises.set(sessionId, next);
        }
        const ready = readState(control.doc)?.ready;
        if (ready?.includes(from))
          setState(control.doc, { ready: [...new Set(ready.map((r) => (r === from ? into : r)))] });
        control.doc.getMap(CONTROL.participants).delete(from);
      },
      serverOrigin('merge'),
    );
    await control.idle();

    await storage.mergeParticipant(workshopId, from, into, [boardName]);
    // The guard keeps a loaded document's claims in memory: reload the board so it reads the moved ones.
    connections.closeConnections((c) => c.channel === `yjs:${boardName}`, 1012, 'participants merged');
    await hub.evict(boardName);
    // Whatever `from`'s phone reopened meanwhile still runs as `from`: close it again, so it comes back as `into`.
    connections.closeWhere(
      (p) => p.workshopId === workshopId && p.participantId === from,
      1012,
      'merged into another participant',
    );
    return { items, drafts };
  } finally {
    hub.release(control);
  }
}
