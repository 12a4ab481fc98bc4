import * as Y from 'yjs';
import { CONTROL, readMeta, readParticipant, readProgramme, readState } from '../../../shared/controlDoc';
import { LIMITS } from '../../../shared/limits';
import type { Session } from '../../../shared/programme';
import type { Principal } from '../../../shared/roles';
import { actorOf } from '../../auth';
import type { Storage } from '../../storage/Storage';
import type { DocHub } from '../DocHub';
import type { LiveDoc } from '../LiveDoc';
import { missingDependencies } from './applicable';
import { checkBoardUpdate, type BoardCheck, type WorkshopContext } from './boardRules';
import type { Struct } from './structIndex';
import { uploaderRefusal } from './uploaderRule';

export type DecodedUpdate = { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] };

/** What `prepare` found: the synchronous check, and the writes of client ids this update claims for the first time. */
export interface PreparedCheck {
  /** Runs right before the update is applied, so it sees the document exactly as the update will meet it. */
  check: () => BoardCheck;
  /**
   * Resolves once the new claims are stored; the update must not be relayed before (LiveDoc.applyClientUpdate).
   * Claims are made only by a check that passes: a refused update claims nothing.
   */
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

/** Structural limits every update of every document meets before anything else is looked at. */
export function structuralRefusal(update: DecodedUpdate): string | null {
  if (update.structs.length > LIMITS.structsPerUpdate) return 'too many changes in one update';
  let ranges = 0;
  for (const r of update.ds.clients.values()) ranges += r.length;
  if (ranges > LIMITS.deleteRangesPerUpdate) return 'too many deletions in one update';
  return null;
}

/** What the checks read of a control document, as it is until its next change. */
interface ControlView {
  programme: Session[];
  sessionKinds: Map<string, string>;
  state: ReturnType<typeof readState>;
  createdAt: number;
  /** Participants' groups, as read so far. */
  groups: Map<string, string | null>;
}

/** What the guard remembers of a workshop's agenda (from watching its control document). */
interface AgendaMemory {
  lockedSince: number | null;
  /** When each session stopped being the current one. */
  leftAt: Map<string, number>;
}

/**
 * The server's guard: client ids belong to one person each (and are few), every update can be applied as it is, and
 * the item rules (boardRules.ts) hold on the board and on each participant's own drafts document.
 */
export function createUpdateGuard(opts: { storage: Storage; hub: DocHub; now?: () => number }): UpdateGuard {
  const now = opts.now ?? Date.now;
  // perf: a loaded document's claims are read once and then kept here; this instance is the only one writing the
  // document (its lease), so the map stays the record. A new claim counts at once and is stored alongside the
  // update that made it (same group commit), instead of costing a commit of its own before the update is applied.
  const claims = new WeakMap<LiveDoc, Promise<Map<number, string>>>();
  // Per document: how many client ids each owner holds.
  const counts = new WeakMap<LiveDoc, Map<string, number>>();
  // Per document and owner: when they started new client ids, for the per-minute limit.
  const recent = new Map<string, number[]>();
  const claimsOf = (live: LiveDoc): Promise<Map<number, string>> => {
    let p = claims.get(live);
    if (!p) {
      p = opts.storage.loadClaims(live.name).then((known) => {
        // The server's own writes (commands) use its doc's client id; nobody else may write under it.
        if (!known.has(live.doc.clientID)) known.set(live.doc.clientID, SERVER_OWNER);
        const byOwner = new Map<string, number>();
        for (const o of known.values()) byOwner.set(o, (byOwner.get(o) ?? 0) + 1);
        counts.set(live, byOwner);
        return known;
      });
      claims.set(live, p);
      p.catch(() => claims.delete(live));
    }
    return p;
  };

  // Documents whose server claim has been written (storing it again after a reload is harmless).
  const serverRecorded = new WeakSet<LiveDoc>();

  const agendas = new Map<string, AgendaMemory>();
  const watched = new WeakSet<Y.Doc>();
  const watch = (workshopId: string, control: Y.Doc): AgendaMemory => {
    let mem = agendas.get(workshopId);
    if (!mem) agendas.set(workshopId, (mem = { lockedSince: null, leftAt: new Map() }));
    if (!watched.has(control)) {
      watched.add(control);
      const m = mem;
      const state = () => readState(control);
      if (state()?.locked && m.lockedSince === null) m.lockedSince = now();
      let currentId = state()?.currentSessionId ?? null;
      control.getMap(CONTROL.state).observe(() => {
        const st = state();
        if (st?.locked && m.lockedSince === null) m.lockedSince = now();
        if (!st?.locked) m.lockedSince = null;
        if (currentId !== null && st?.currentSessionId !== currentId) m.leftAt.set(currentId, now());
        currentId = st?.currentSessionId ?? null;
      });
    }
    return mem;
  };

  // perf: what every update's check reads of the control document, read once per change of it (not per update).
  const views = new WeakMap<Y.Doc, ControlView>();
  const viewOf = (control: Y.Doc): ControlView => {
    let v = views.get(control);
    if (!v) {
      const programme = readProgramme(control);
      v = {
        programme,
        sessionKinds: new Map(programme.map((s) => [s.id, s.kind])),
        state: readState(control),
        createdAt: readMeta(control)?.createdAt ?? 0,
        groups: new Map(),
      };
      views.set(control, v);
      // Any change of the control document (programme, agenda state, a participant's group) drops the view.
      control.once('update', () => views.delete(control));
    }
    return v;
  };

  const context = async (p: Principal, agenda: boolean) => {
    const control = await opts.hub.get(`${p.workshopId}/control`);
    try {
      const mem = watch(p.workshopId, control.doc);
      const view = viewOf(control.doc);
      let groupId: string | null = null;
      if (p.role === 'participant' && p.participantId) {
        const known = view.groups.get(p.participantId);
        groupId = known !== undefined ? known : (readParticipant(control.doc, p.participantId)?.groupId ?? null);
        view.groups.set(p.participantId, groupId);
      }
      const { programme, state } = view;
      const t = now();
      const open = new Set<string>();
      const at = programme.findIndex((s) => s.id === state?.currentSessionId);
      if (at >= 0) open.add(programme[at]!.id);
      // The session just before the current one: an offline phone's notes from it arrive after "Volgende →".
      if (at > 0) open.add(programme[at - 1]!.id);
      for (const [id, left] of mem.leftAt) if (t - left <= LIMITS.sessionGraceMs) open.add(id);
      const workshop: WorkshopContext = {
        createdAt: view.createdAt,
        now: t,
        sessionKinds: view.sessionKinds,
        openSessions: open,
        lockedSince: state?.locked ? (mem.lockedSince ?? t) : null,
        agenda,
      };
      return { groupId, workshop };
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
      else if (known.get(clientId) === owner) {
        known.delete(clientId);
        const c = counts.get(live);
        c?.set(owner, Math.max(0, (c.get(owner) ?? 1) - 1));
      }
    });
    return stored;
  };

  return {
    async prepare(principal, live, update) {
      const known = await claimsOf(live);
      const owner = actorOf(principal);
      const kind = docKind(live.name);
      const rules = kind === 'board' || kind.startsWith('own/');
      const writer = rules ? { principal, ...(await context(principal, kind === 'board')) } : null;
      const rateKey = `${live.name}\n${owner}`;
      let resolveRecorded: (p: Promise<unknown>) => void = () => {};
      const recorded = new Promise<unknown>((resolve) => (resolveRecorded = resolve)).then((p) => p);
      const settle = (verdict: BoardCheck, writes: Promise<void>[] = []): BoardCheck => {
        resolveRecorded(writes.length > 0 ? Promise.all(writes) : STORED);
        return verdict;
      };

      const check = (): BoardCheck => {
        const refuse = (reason: string) => settle({ reason, created: 0 });
        const structural = structuralRefusal(update);
        if (structural) return refuse(structural);
        // Nothing is held back unchecked: an update that cannot apply as it is is not applied; the connection asks
        // the client for the history it lacks (YjsConnection.askResync).
        if (missingDependencies(live.doc, update)) {
          return settle({
            reason: 'update depends on changes the server does not have; resync',
            created: 0,
            resync: true,
          });
        }
        const fresh: number[] = [];
        for (const c of new Set(update.structs.map((s) => s.id.client))) {
          const onRecord = known.get(c);
          if (onRecord === undefined) fresh.push(c);
          else if (onRecord !== owner) return refuse(`client id ${c} belongs to someone else`);
        }
        const t = now();
        const times = (recent.get(rateKey) ?? []).filter((x) => t - x < 60_000);
        if (fresh.length > 0 && owner !== SERVER_OWNER) {
          if (times.length + fresh.length > LIMITS.newClientsPerMinute) return refuse('too many new client ids');
          const mine = counts.get(live)?.get(owner) ?? 0;
          if (mine + fresh.length > LIMITS.clientsPerPerson) return refuse('too many client ids');
          if (live.doc.store.clients.size + fresh.length > LIMITS.clientsPerDoc) return refuse('document is full');
        }
        const verdict: BoardCheck = writer
          ? checkBoardUpdate(live.doc, { ...writer, clientOwner: (c) => known.get(c) }, update)
          : { reason: null, created: 0 };
        if (verdict.reason) return settle(verdict);
        // Photos on shared items stay the uploader's (./uploaderRule.ts).
        const uploader = writer && uploaderRefusal(live.doc, { ...writer, clientOwner: (c) => known.get(c) }, update);
        if (uploader) return settle({ reason: uploader, created: verdict.created });
        // Accepted: now, and only now, the new client ids are claimed.
        const writes: Promise<void>[] = [];
        if (known.get(live.doc.clientID) === SERVER_OWNER && !serverRecorded.has(live)) {
          serverRecorded.add(live);
          writes.push(record(live, known, live.doc.clientID, SERVER_OWNER));
        }
        if (fresh.length > 0) {
          const byOwner = counts.get(live);
          for (const c of fresh) {
            known.set(c, owner);
            byOwner?.set(owner, (byOwner.get(owner) ?? 0) + 1);
            writes.push(record(live, known, c, owner));
            times.push(t);
          }
          recent.set(rateKey, times);
        }
        return settle(verdict, writes);
      };
      return { check, recorded };
    },
  };
}
