import { io, type Socket } from 'socket.io-client';
import type { HandsPayload, HelloPayload, PresencePayload, SummonPayload } from '../../shared/protocol';
import { ERROR_CODES, EVENTS, PROTOCOL_VERSION, type Notice } from '../../shared/protocolCodes';
import { clockOffset } from '../../shared/timer';
import { useConnectionStore } from '../store/connectionStore';
import { useLiveStore } from '../store/liveStore';

const CLOCK_SAMPLES = 5;
const CLOCK_RESYNC_MS = 60_000;

/** One clock ping; resolves with the offset and the round trip, or null when the server does not answer. */
function ping(socket: Socket): Promise<{ offset: number; rtt: number } | null> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    socket.timeout(5000).emit(EVENTS.clock, t0, (err: unknown, serverNow: number) => {
      const t1 = Date.now();
      if (err || typeof serverNow !== 'number') resolve(null);
      else resolve({ offset: clockOffset(t0, serverNow, t1), rtt: t1 - t0 });
    });
  });
}

/** Keeps the offset of the quickest of a few pings: the shortest round trip has the least asymmetry. */
async function syncClock(socket: Socket): Promise<void> {
  let best: { offset: number; rtt: number } | null = null;
  for (let i = 0; i < CLOCK_SAMPLES && socket.connected; i++) {
    const s = await ping(socket);
    if (s && (!best || s.rtt < best.rtt)) best = s;
  }
  if (best) useLiveStore.setState({ clockOffset: best.offset });
}

/** Opens the command socket for a token; clock, presence and identity flow into the live store. */
export function connectSocket(token: string, workshopId: string): { socket: Socket; close: () => void } {
  // `w` lets a load balancer send the socket to the instance serving this workshop (docs/ARCHITECTURE.md).
  const socket = io({
    auth: { token, protocol: PROTOCOL_VERSION },
    query: { w: workshopId },
    transports: ['websocket'],
  });
  useConnectionStore.setState({ socket: 'connecting' });

  socket.on('connect', () => {
    useConnectionStore.setState({ socket: 'connected' });
    void syncClock(socket);
  });
  socket.on('disconnect', () => useConnectionStore.setState({ socket: 'connecting' }));
  socket.on('connect_error', (err: Error) => {
    useConnectionStore.setState({ socket: 'disconnected' });
    // The server speaks a newer protocol: retrying cannot help, only a reload of the page can.
    if (err.message === ERROR_CODES.outdated) {
      socket.disconnect();
      useConnectionStore.setState({ outdated: true });
    }
  });
  socket.on(EVENTS.hello, (hello: HelloPayload) => useLiveStore.setState({ hello }));
  socket.on(EVENTS.presence, (p: PresencePayload) => useLiveStore.setState({ online: p.online ?? [] }));
  socket.on(EVENTS.summon, (summon: SummonPayload) => useLiveStore.setState({ summon }));
  socket.on(EVENTS.hands, (h: HandsPayload) => useLiveStore.setState({ hands: h.raised ?? [] }));
  socket.on(EVENTS.hand, (h: { raised: boolean }) => useLiveStore.setState({ myHand: !!h.raised }));
  // The server's calm word about a refused change or a limit; the page shows it until dismissed.
  socket.on(EVENTS.notice, (n: Notice) => useConnectionStore.setState({ notice: { code: n.code, at: Date.now() } }));
  const resync = window.setInterval(() => socket.connected && void syncClock(socket), CLOCK_RESYNC_MS);

  return {
    socket,
    close: () => {
      window.clearInterval(resync);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
