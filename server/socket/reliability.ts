import type { Server } from 'socket.io';
import * as Y from 'yjs';
import { LIMITS } from '../../shared/limits';
import { ERROR_CODES, EVENTS, WS_CLOSE, unauthorisedNotice } from '../../shared/protocol';
import { docAccess, parseDocName, type Principal } from '../../shared/roles';
import type { Connections } from '../connections';
import type { Notices } from '../notices';
import type { DocHub } from '../sync/DocHub';
import { TokenBucket } from '../sync/TokenBucket';

/** Commands one socket may send per second (a burst of twice that is fine). */
const COMMANDS_PER_SECOND = 10;
/** A command that would have to wait longer than this is refused with `too_many`. */
const MAX_COMMAND_WAIT_MS = 3000;

/** Room of every command socket of one principal, where its notices go. */
export const principalRoom = (p: Principal) =>
  `who:${p.workshopId}:${p.role === 'participant' ? `p:${p.participantId ?? ''}` : p.role}`;

/**
 * The reliability layer of the command socket, kept apart from the command handlers: notices, connection limits
 * and closing on token rotation, a rate limit on commands, and the state vector a phone compares with its own.
 */
export function attachReliability(io: Server, opts: { hub: DocHub; registry: Connections; notices: Notices }) {
  opts.notices.bind((principal, notice) => {
    io.to(principalRoom(principal)).emit(EVENTS.notice, notice);
  });

  io.on('connection', (socket) => {
    const principal = socket.data.principal as Principal;
    void socket.join(principalRoom(principal));
    const registered = {
      principal,
      channel: 'io',
      openedAt: Date.now(),
      close: (code: number, reason: string) => {
        if (code === WS_CLOSE.unauthorised)
          socket.emit(EVENTS.notice, { code: unauthorisedNotice(reason), message: reason });
        socket.disconnect(true);
      },
    };
    opts.registry.add(registered, LIMITS.connectionsPerParticipant);
    socket.on('disconnect', () => opts.registry.remove(registered));

    const bucket = new TokenBucket(COMMANDS_PER_SECOND, COMMANDS_PER_SECOND * 2);
    socket.use((packet, next) => {
      // A burst (a console catching up, a demo seeder) is paced, not refused; only a sustained flood is turned away.
      const wait = bucket.waitFor(1);
      if (wait > MAX_COMMAND_WAIT_MS) {
        const ack = packet.at(-1);
        if (typeof ack === 'function') {
          (ack as (a: unknown) => void)({
            ok: false,
            error: { code: ERROR_CODES.tooMany, message: 'too many requests; try again in a moment' },
          });
        }
        return next(new Error('rate limited'));
      }
      bucket.take(1);
      if (wait === 0) next();
      else setTimeout(next, wait);
    });
    // A refused packet is reported here; without a listener it would throw.
    socket.on('error', () => undefined);

    socket.on(EVENTS.stateVector, (doc: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (sv: string | null) => void;
      const parsed = typeof doc === 'string' ? parseDocName(doc) : null;
      if (!parsed || docAccess(principal, parsed.kind, parsed.ownerId) === 'none') return reply(null);
      const name = `${principal.workshopId}/${doc as string}`;
      opts.hub.get(name).then(
        async (live) => {
          try {
            // Only what is stored counts as "the server has it".
            await live.idle();
            reply(Buffer.from(Y.encodeStateVector(live.doc)).toString('base64'));
          } finally {
            opts.hub.release(live);
          }
        },
        () => reply(null),
      );
    });
  });
}
