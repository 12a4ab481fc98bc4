import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import { docAccess, parseDocName } from '../../shared/roles';
import { LIMITS } from '../../shared/limits';
import { clientOutdated, NOTICE_CODES, offeredVersion, WS_CLOSE } from '../../shared/protocol';
import { authenticate } from '../auth';
import type { Connections } from '../connections';
import type { Notices } from '../notices';
import { WorkshopDeleted, type Storage } from '../storage/Storage';
import type { DocHub } from './DocHub';
import { pseudonymisedControl } from '../export/controlView';
import { DEFAULT_CONNECTION_LIMITS, YjsConnection, type ConnectionLimits, type UpdateGuard } from './YjsConnection';

export const YJS_PATH = '/yjs/';
/** The subprotocol a client may offer along with `token.<token>`, so the token stays out of URLs and access logs. */
export const YJS_SUBPROTOCOL = 'werkplaats';
const TOKEN_PROTOCOL = /^token\.([A-Za-z0-9_-]{1,200})$/;
/** Dead connections (a phone that lost Wi-Fi) are found by ping and closed, so they neither leak nor count. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_SLOTS = 30;
const KEEPALIVE_SLOTS = 4;

/** The token of an upgrade: offered as a subprotocol (preferred) or in the query string. */
export function upgradeToken(req: IncomingMessage, url: URL): string | null {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  for (const p of offered) {
    const m = TOKEN_PROTOCOL.exec(p);
    if (m) return m[1] ?? null;
  }
  return url.searchParams.get('token');
}

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

/**
 * The Yjs sync endpoint at `/yjs/<workshopId>/<doc>?token=…`. A refused connection is accepted and then closed
 * with a 44xx code, because y-websocket stops retrying on those and the UI can say why.
 */
export function createYjsEndpoint(opts: {
  storage: Storage;
  hub: DocHub;
  guard: UpdateGuard;
  registry: Connections;
  notices: Notices;
  limits?: Partial<ConnectionLimits>;
}) {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...opts.limits };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.message,
    // Never echo the token back: answer with the plain subprotocol when it was offered.
    handleProtocols: (protocols) => (protocols.has(YJS_SUBPROTOCOL) ? YJS_SUBPROTOCOL : false),
  });
  const connections = new Set<YjsConnection>();
  const alive = new WeakMap<object, boolean>();
  // Each socket is pinged in a slot of its own within the heartbeat period, one slot a second: pinging a thousand
  // sockets at once blocked the event loop for about 40 ms every 30 s, a stall every phone's next write waited out.
  const slots = new WeakMap<object, number>();
  let nextSlot = 0;
  let tick = 0;
  const heartbeat = setInterval(() => {
    const slot = tick++ % HEARTBEAT_SLOTS;
    for (const ws of wss.clients) {
      if (slots.get(ws) !== slot) continue;
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS / HEARTBEAT_SLOTS);
  heartbeat.unref();
  // Quiet connections get a keepalive, checked every third of `keepaliveMs`; in slots of their own as above, so a
  // quiet room's thousand connections (all started at once) are not all sent one in the same tick.
  let keepTick = 0;
  const keepalive = setInterval(
    () => {
      const slot = keepTick++ % KEEPALIVE_SLOTS;
      const now = Date.now();
      for (const c of connections) if (slots.get(c) === slot) c.keepAlive(limits.keepaliveMs, now);
    },
    limits.keepaliveMs / 3 / KEEPALIVE_SLOTS,
  );
  keepalive.unref();

  const refuse = (req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string) => {
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  };

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rest = url.pathname.slice(YJS_PATH.length);
    const slash = rest.indexOf('/');
    const workshopId = slash > 0 ? rest.slice(0, slash) : '';
    const parsed = slash > 0 ? parseDocName(decodeURIComponent(rest.slice(slash + 1))) : null;
    if (!workshopId || !parsed) return refuse(req, socket, head, WS_CLOSE.badRequest, 'unknown document');
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',');
    if (clientOutdated(offeredVersion(offered))) return refuse(req, socket, head, WS_CLOSE.outdated, 'client outdated');
    const principal = await authenticate(opts.storage, upgradeToken(req, url));
    if (!principal) {
      // A deleted workshop's tokens are gone with it: say so (4404), so the phone stops trying.
      if (await opts.storage.isWorkshopDeleted(workshopId))
        return refuse(req, socket, head, WS_CLOSE.notFound, 'workshop deleted');
      return refuse(req, socket, head, WS_CLOSE.unauthorised, 'invalid token');
    }
    if (principal.workshopId !== workshopId) return refuse(req, socket, head, WS_CLOSE.forbidden, 'other workshop');
    const access = docAccess(principal, parsed.kind, parsed.ownerId);
    if (access === 'none') return refuse(req, socket, head, WS_CLOSE.forbidden, 'not allowed');

    const docName = `${workshopId}/${parsed.kind === 'own' ? `own/${parsed.ownerId}` : parsed.kind}`;
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Messages that arrive while the document loads wait for it: nobody is answered before the stored state is in.
      const pending: Uint8Array[] = [];
      let conn: YjsConnection | null = null;
      let gone = false;
      alive.set(ws, true);
      slots.set(ws, nextSlot++ % HEARTBEAT_SLOTS);
      ws.on('pong', () => alive.set(ws, true));
      const registered = {
        principal,
        channel: `yjs:${docName}`,
        openedAt: Date.now(),
        close: (code: number, reason: string) => (conn ? conn.close(code, reason) : ws.close(code, reason)),
      };
      opts.registry.add(registered, LIMITS.connectionsPerParticipant);
      ws.on('message', (data) => {
        const bytes = toBytes(data);
        if (conn) conn.receive(bytes);
        else pending.push(bytes);
      });
      // What the client sent before it left is still applied (a phone that posts and closes its tab at once).
      const finish = (c: YjsConnection) =>
        void c.drain().then(() => {
          connections.delete(c);
          opts.hub.release(c.live);
        });
      ws.on('close', () => {
        gone = true;
        opts.registry.remove(registered);
        if (conn) finish(conn);
      });
      ws.on('error', () => ws.terminate());
      opts.hub.get(docName).then(
        (live) => {
          if (gone && pending.length === 0) return opts.hub.release(live);
          const doc = docName.slice(workshopId.length + 1);
          conn = new YjsConnection(
            ws,
            live,
            principal,
            access,
            opts.guard,
            {
              refused(c, reason) {
                // Nothing of the update was applied; the client drops its copy and loads the server's (docs/SECURITY.md).
                console.warn(`[yjs] refused write by ${c.actor} on ${live.name}: ${reason}`);
                opts.notices.send(principal, { code: NOTICE_CODES.refused, doc, message: reason });
                c.close(WS_CLOSE.refusedWrite, reason.slice(0, 120));
              },
              slowed(c) {
                console.warn(`[yjs] slowing down ${c.actor} on ${live.name}`);
                opts.notices.send(principal, { code: NOTICE_CODES.slowDown, doc, message: 'sending very fast' });
              },
            },
            limits,
            // Researchers get the control document with pseudonyms for participants' names (docs/export.md).
            principal.role === 'researcher' && parsed.kind === 'control' ? pseudonymisedControl(live.doc) : null,
          );
          connections.add(conn);
          slots.set(conn, (slots.get(ws) ?? 0) % KEEPALIVE_SLOTS);
          conn.start();
          for (const m of pending.splice(0)) conn.receive(m);
          if (gone) finish(conn);
        },
        (err: unknown) => {
          if (err instanceof WorkshopDeleted) return ws.close(WS_CLOSE.notFound, 'workshop deleted');
          console.error(`[yjs] could not load ${docName}:`, err);
          ws.close(1011, 'could not load document');
        },
      );
    });
  }

  return {
    /** Returns true when the request was ours. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      if (!req.url?.startsWith(YJS_PATH)) return false;
      handleUpgrade(req, socket, head).catch((err: unknown) => {
        console.error('[yjs] upgrade failed:', err);
        socket.destroy();
      });
      return true;
    },
    /** Closes every connection (at shutdown); clients reconnect to the next server. */
    closeAll(): void {
      clearInterval(heartbeat);
      clearInterval(keepalive);
      for (const c of connections) c.close(1012, 'server restarting');
      // Sockets still loading their document are closed too, so no client waits on a server that is gone.
      for (const ws of wss.clients) ws.close(1012, 'server restarting');
      wss.close();
    },
    get connectionCount(): number {
      return connections.size;
    },
  };
}
