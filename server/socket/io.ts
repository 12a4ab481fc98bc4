import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { LIMITS } from '../../shared/limits';
import {
  clientOutdated,
  ERROR_CODES,
  EVENTS,
  PROTOCOL_VERSION,
  type HandsPayload,
  type HelloPayload,
  type PresencePayload,
} from '../../shared/protocol';
import type { Principal } from '../../shared/roles';
import { authenticate } from '../auth';
import type { Storage } from '../storage/Storage';
import type { DocHub } from '../sync/DocHub';
import { runCommand } from './commands';
import type { Ephemeral } from './toolkit';
import { log } from '../logging';

const room = (workshopId: string) => `w:${workshopId}`;
const staffRoom = (workshopId: string) => `w:${workshopId}:staff`;
/** The projector shows how many hands are up (docs/ARCHITECTURE.md, "The screen"). */
const screenRoom = (workshopId: string) => `w:${workshopId}:screen`;
const personRoom = (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`;

/** socket.io: commands and ephemeral events, authenticated with `auth: {token}`. */
export function createSocketServer(http: HttpServer, opts: { storage: Storage; hub: DocHub }) {
  const io = new Server(http, {
    maxHttpBufferSize: LIMITS.message,
    // engine.io would destroy the /yjs upgrades it does not own after 1 s; the Yjs endpoint handles those.
    destroyUpgrade: false,
    serveClient: false,
  });
  // participant id → open sockets, per workshop
  const online = new Map<string, Map<string, number>>();

  // Raised hands per workshop (participant id → since when): ephemeral, gone after a restart.
  const hands = new Map<string, Map<string, number>>();
  const handsOf = (workshopId: string): HandsPayload => ({
    raised: [...(hands.get(workshopId)?.entries() ?? [])]
      .map(([participantId, at]) => ({ participantId, at }))
      .sort((a, b) => a.at - b.at),
  });
  const ephemeral: Ephemeral = {
    summon: (workshopId, payload) => io.to(room(workshopId)).emit(EVENTS.summon, payload),
    setHand: (workshopId, participantId, raised) => {
      let m = hands.get(workshopId);
      if (!m) hands.set(workshopId, (m = new Map()));
      if (raised) m.set(participantId, m.get(participantId) ?? Date.now());
      else m.delete(participantId);
      io.to([staffRoom(workshopId), screenRoom(workshopId)]).emit(EVENTS.hands, handsOf(workshopId));
      io.to(personRoom(workshopId, participantId)).emit(EVENTS.hand, { raised });
    },
  };

  const presence = (workshopId: string): PresencePayload => ({ online: [...(online.get(workshopId)?.keys() ?? [])] });

  const countPresence = (p: Principal, delta: 1 | -1) => {
    if (p.role !== 'participant' || !p.participantId) return;
    let m = online.get(p.workshopId);
    if (!m) online.set(p.workshopId, (m = new Map()));
    const n = (m.get(p.participantId) ?? 0) + delta;
    if (n > 0) m.set(p.participantId, n);
    else m.delete(p.participantId);
    if (m.size === 0) online.delete(p.workshopId);
    io.to(staffRoom(p.workshopId)).emit(EVENTS.presence, presence(p.workshopId));
  };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; protocol?: unknown } | undefined;
    const token = auth?.token;
    // An old cached app is told to reload (docs/API.md); a client that sends no version is accepted as version 1.
    if (clientOutdated(typeof auth?.protocol === 'number' ? auth.protocol : null)) {
      return next(new Error(ERROR_CODES.outdated));
    }
    authenticate(opts.storage, typeof token === 'string' ? token : null).then(
      (principal) => {
        if (!principal) return next(new Error('unauthorised'));
        socket.data.principal = principal;
        next();
      },
      () => next(new Error('internal')),
    );
  });

  io.on('connection', (socket) => {
    const principal = socket.data.principal as Principal;
    void socket.join(room(principal.workshopId));
    if (principal.role === 'facilitator' || principal.role === 'researcher') {
      void socket.join(staffRoom(principal.workshopId));
      socket.emit(EVENTS.presence, presence(principal.workshopId));
      socket.emit(EVENTS.hands, handsOf(principal.workshopId));
    }
    if (principal.role === 'screen') {
      void socket.join(screenRoom(principal.workshopId));
      socket.emit(EVENTS.hands, handsOf(principal.workshopId));
    }
    if (principal.participantId) {
      void socket.join(personRoom(principal.workshopId, principal.participantId));
      socket.emit(EVENTS.hand, { raised: !!hands.get(principal.workshopId)?.has(principal.participantId) });
    }
    countPresence(principal, 1);
    const hello: HelloPayload = { protocol: PROTOCOL_VERSION, ...principal };
    socket.emit(EVENTS.hello, hello);

    socket.on(EVENTS.command, (cmd: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : () => undefined;
      runCommand(opts.hub, principal, cmd, ephemeral).then(reply, (err: unknown) => {
        log.error({ err, workshopId: principal.workshopId }, 'command crashed');
        reply({ ok: false, error: { code: 'internal', message: 'command failed' } });
      });
    });

    socket.on(EVENTS.clock, (_t0: unknown, ack: unknown) => {
      if (typeof ack === 'function') (ack as (n: number) => void)(Date.now());
    });

    socket.on('disconnect', () => countPresence(principal, -1));
  });

  return io;
}
