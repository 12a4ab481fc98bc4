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

/**
 * Checks an update before it is applied. `prepare` does the asynchronous part (claiming client ids, reading the
 * writer's group) and returns the synchronous check, which runs right before the update is applied so it sees the
 * document exactly as the update will meet it.
 */
export interface UpdateGuard {
  prepare(principal: Principal, live: LiveDoc, update: DecodedUpdate): Promise<() => BoardCheck>;
}

const SERVER_OWNER = 'server';
const docKind = (name: string) => name.slice(name.indexOf('/') + 1);

/** The server's guard: client ids belong to one person each, and the board's ownership rule (boardRules.ts). */
export function createUpdateGuard(opts: { storage: Storage; hub: DocHub }): UpdateGuard {
  // doc name → client id → owner; storage is the record, this saves a query per update.
  const claims = new Map<string, Map<number, string>>();
  const serverClaimed = new WeakSet<LiveDoc>();

  const claim = async (doc: string, clientId: number, owner: string): Promise<string> => {
    let m = claims.get(doc);
    if (!m) claims.set(doc, (m = new Map()));
    const known = m.get(clientId);
    if (known) return known;
    const onRecord = await opts.storage.claimClient(doc, clientId, owner);
    m.set(clientId, onRecord);
    return onRecord;
  };

  const groupOf = async (p: Principal): Promise<string | null> => {
    if (p.role !== 'participant' || !p.participantId) return null;
    const control = await opts.hub.get(`${p.workshopId}/control`);
    try {
      return readParticipant(control.doc, p.participantId)?.groupId ?? null;
    } finally {
      opts.hub.release(control);
    }
  };

  return {
    async prepare(principal, live, update) {
      // The server's own writes (commands) use its doc's client id; nobody else may write under it.
      if (!serverClaimed.has(live)) {
        serverClaimed.add(live);
        await claim(live.name, live.doc.clientID, SERVER_OWNER);
      }
      const owner = actorOf(principal);
      const clients = new Set(update.structs.map((s) => s.id.client));
      for (const c of clients) {
        const onRecord = await claim(live.name, c, owner);
        if (onRecord !== owner) {
          const reason = `client id ${c} belongs to someone else`;
          return () => ({ reason, created: 0 });
        }
      }
      if (docKind(live.name) !== 'board') return () => ({ reason: null, created: 0 });
      const writer = { principal, groupId: await groupOf(principal) };
      return () => checkBoardUpdate(live.doc, writer, update);
    },
  };
}
