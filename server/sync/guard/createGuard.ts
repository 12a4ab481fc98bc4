import * as Y from 'yjs';
import { readParticipant } from '../../../shared/controlDoc';
import type { Principal } from '../../../shared/roles';
import { actorOf } from '../../auth';
import type { Storage } from '../../storage/Storage';
import type { DocHub } from '../DocHub';
import type { LiveDoc } from '../LiveDoc';
import { checkBoardUpdate, type BoardCheck } from './boardRules';
import type { Struct } from './structIndex';

export type DecodedUpdate = { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] };

/** What `prepare` found: the synchronous check, and the writes of client ids this update claims for the first time. */
export interface PreparedCheck {
  /** Runs right before the update is applied, so it sees the document exactly as the update will meet it. */
  check: () => BoardCheck;
  /** Resolves once the new claims are stored; the update must not be relayed before (LiveDoc.applyClientUpdate). */
  recorded: Promise<unknown>;
}

/**
 * Checks an update before it is applied. `prepare` does the asynchronous part (reading the document's claims once,
 * the writer's group) and returns the synchronous check.
 */
export interface UpdateGuard {
  prepare(principal: Principal, live: LiveDoc, update: DecodedUpdate): Promise<PreparedCheck>;
}

const SERVER_OWNER = 'server';
const docKind = (name: string) => name.slice(name.indexOf('/') + 1);
const STORED: Promise<unknown> = Promise.resolve();

/** The server's guard: client ids belong to one person each, and the board's ownership rule (boardRules.ts). */
export function createUpdateGuard(opts: { storage: Storage; hub: DocHub }): UpdateGuard {
  // perf: a loaded document's claims are read once and then kept here; this instance is the only one writing the
  // document (its lease), so the map stays the record. A new claim counts at once and is stored alongside the
  // update that made it (same group commit), instead of costing a commit of its own before the update is applied.
  const claims = new WeakMap<LiveDoc, Promise<Map<number, string>>>();
  const claimsOf = (live: LiveDoc): Promise<Map<number, string>> => {
    let p = claims.get(live);
    if (!p) {
      p = opts.storage.loadClaims(live.name).then((known) => {
        // The server's own writes (commands) use its doc's client id; nobody else may write under it.
        if (!known.has(live.doc.clientID)) known.set(live.doc.clientID, SERVER_OWNER);
        return known;
      });
      claims.set(live, p);
      p.catch(() => claims.delete(live));
    }
    return p;
  };

  // Documents whose server claim has been written (storing it again after a reload is harmless).
  const serverRecorded = new WeakSet<LiveDoc>();

  const groupOf = async (p: Principal): Promise<string | null> => {
    if (p.role !== 'participant' || !p.participantId) return null;
    const control = await opts.hub.get(`${p.workshopId}/control`);
    try {
      return readParticipant(control.doc, p.participantId)?.groupId ?? null;
    } finally {
      opts.hub.release(control);
    }
  };

  const record = (live: LiveDoc, known: Map<number, string>, clientId: number, owner: string): Promise<void> => {
    const stored = opts.storage.claimClient(live.name, clientId, owner).then((onRecord) => {
      if (onRecord !== owner) throw new Error(`client id ${clientId} of ${live.name} is on record for someone else`);
    });
    // Logged here; whoever waits for it (the update's relay) still sees the failure. A refused update waits for nothing.
    // Not stored means not claimed: the client's next update claims it again.
    stored.catch((err: unknown) => {
      console.error(`[guard] could not store a claim on ${live.name}:`, err);
      // The server's own id stays the server's in memory whatever happens; only its record is tried again.
      if (owner === SERVER_OWNER) serverRecorded.delete(live);
      else if (known.get(clientId) === owner) known.delete(clientId);
    });
    return stored;
  };

  return {
    async prepare(principal, live, update) {
      const known = await claimsOf(live);
      const owner = actorOf(principal);
      const writes: Promise<void>[] = [];
      if (known.get(live.doc.clientID) === SERVER_OWNER && !serverRecorded.has(live)) {
        serverRecorded.add(live);
        writes.push(record(live, known, live.doc.clientID, SERVER_OWNER));
      }
      for (const c of new Set(update.structs.map((s) => s.id.client))) {
        const onRecord = known.get(c);
        if (onRecord === undefined) {
          known.set(c, owner);
          writes.push(record(live, known, c, owner));
        } else if (onRecord !== owner) {
          const reason = `client id ${c} belongs to someone else`;
          return { check: () => ({ reason, created: 0 }), recorded: Promise.all(writes) };
        }
      }
      const recorded = writes.length > 0 ? Promise.all(writes) : STORED;
      if (docKind(live.name) !== 'board') return { check: () => ({ reason: null, created: 0 }), recorded };
      const writer = { principal, groupId: await groupOf(principal) };
      return { check: () => checkBoardUpdate(live.doc, writer, update), recorded };
    },
  };
}
