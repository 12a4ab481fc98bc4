import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { loopDelay } from '../server/loopDelay';

/**
 * The benchmark's yardstick: a plain y-protocols relay with no auth, no validation and no persistence, the least a
 * Yjs server can do. Same websocket library and protocol as ours, so the ratio measures what our checks cost.
 *
 * With DURABLE=1 it also appends each update to a log file in DATA_DIR and relays it once `fdatasync` says it is on
 * disk, one flush per update: the least a relay that stores before it relays can do (`--server=reference-durable`).
 */
const log = process.env.DURABLE === '1' ? openSync(path.join(process.env.DATA_DIR ?? '.', 'log'), 'a') : null;
process.once('SIGTERM', () => {
  if (log !== null) closeSync(log);
  process.exit(0);
});

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Set<WebSocket>;
}

const rooms = new Map<string, Room>();

const frame = (type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  write(enc);
  return encoding.toUint8Array(enc);
};

function room(name: string): Room {
  let r = rooms.get(name);
  if (r) return r;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const conns = new Set<WebSocket>();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const msg = frame(0, (e) => syncProtocol.writeUpdate(e, update));
    const relay = () => {
      for (const c of conns) if (c !== origin) c.send(msg);
    };
    if (log === null) return relay();
    writeSync(log, msg);
    fdatasync(log, relay);
  });
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    const msg = frame(1, (e) =>
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [...added!, ...updated!, ...removed!]),
      ),
    );
    for (const c of conns) if (c !== origin) c.send(msg);
  });
  r = { doc, awareness, conns };
  rooms.set(name, r);
  return r;
}

loopDelay();
const http = createServer((req, res) => {
  // The same event-loop delay window as ours (`/healthz/loop`), so the bench reports both alike.
  if (req.url?.startsWith('/healthz/loop')) {
    res.setHeader('Content-Type', 'application/json');
    return res.end(JSON.stringify(loopDelay(req.url.includes('reset=1'))));
  }
  res.end('reference');
});
const wss = new WebSocketServer({ server: http });
wss.on('connection', (ws, req) => {
  const r = room(new URL(req.url ?? '/', 'http://x').pathname);
  r.conns.add(ws);
  ws.binaryType = 'arraybuffer';
  ws.on('message', (data: ArrayBuffer) => {
    const dec = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(dec);
    if (type === 0) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.readSyncMessage(dec, enc, r.doc, ws);
      if (encoding.length(enc) > 1) ws.send(encoding.toUint8Array(enc));
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(r.awareness, decoding.readVarUint8Array(dec), ws);
    }
  });
  ws.on('close', () => r.conns.delete(ws));
  ws.send(frame(0, (e) => syncProtocol.writeSyncStep1(e, r.doc)));
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`reference listening on http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
