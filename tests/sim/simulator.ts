import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import { addItem } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import type { Ack, Command, CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import type { Side } from '../../shared/programme';

/**
 * Plays people through the real API and sync path: the same websocket and socket.io clients a browser uses.
 * The demo seeds with it, and the benchmark drives load with it.
 */

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

// Every y-websocket provider in Node adds a process 'exit' listener; a simulator runs dozens of them on purpose.
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));

export const createWorkshop = (url: string, organiserKey: string, title: string, groups: string[]) =>
  post<CreateWorkshopResponse>(url, '/api/workshops', { title, groups }, organiserKey);

function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

/** One simulated connection to a workshop document. */
export class SimDoc {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  constructor(url: string, workshopId: string, docName: string, token: string) {
    this.provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/yjs', `${workshopId}/${docName}`, this.doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // As the app's own clients do (client/sync/connectDoc.ts): no awareness state, presence is on socket.io.
    this.provider.awareness.setLocalState(null);
    // The server's ack (100) and notStored (101) messages (docs/API.md): accepted, not followed.
    this.provider.messageHandlers[100] = this.provider.messageHandlers[101] = () => undefined;
  }

  synced(timeoutMs = 10_000): Promise<void> {
    return waitUntil(() => this.provider.synced, timeoutMs, 'sync');
  }

  waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return waitUntil(check, timeoutMs, what);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A participant's phone: joins through the API, then writes items into the board. */
export class SimPhone {
  readonly board: SimDoc;
  readonly socket: Socket;

  private constructor(
    url: string,
    readonly joined: JoinResponse,
    readonly groupId: string,
  ) {
    this.board = new SimDoc(url, joined.workshopId, 'board', joined.token);
    // `w` is the routing key a load balancer hashes, so the socket reaches the instance serving the workshop.
    this.socket = io(url, {
      auth: { token: joined.token },
      query: { w: joined.workshopId },
      transports: ['websocket'],
    });
  }

  static async join(
    url: string,
    w: Pick<CreateWorkshopResponse, 'joinCode'> & { id?: string },
    who: { name: string; groupId: string; side: Side },
  ): Promise<SimPhone> {
    const path = w.id ? `/api/join?w=${encodeURIComponent(w.id)}` : '/api/join';
    const joined = await post<JoinResponse>(url, path, { code: w.joinCode, ...who, consent: true });
    const phone = new SimPhone(url, joined, who.groupId);
    await phone.board.synced();
    return phone;
  }

  /** Posts a note as this participant; returns its id. */
  postNote(sessionId: string, text: string, at = Date.now()): string {
    const id = newId('i');
    const doc = this.board.doc;
    doc.transact(() =>
      addItem(doc, {
        id,
        kind: 'note',
        sessionId,
        groupId: this.groupId,
        authorId: this.joined.participantId,
        createdAt: at,
        updatedAt: at,
        text,
      }),
    );
    return id;
  }

  close(): void {
    this.socket.close();
    this.board.destroy();
  }
}

/** The facilitator's command channel. */
export class SimFacilitator {
  readonly socket: Socket;

  constructor(url: string, token: string, workshopId?: string) {
    this.socket = io(url, { auth: { token }, query: workshopId ? { w: workshopId } : {}, transports: ['websocket'] });
  }

  command(cmd: Command): Promise<Ack> {
    return new Promise((resolve) => this.socket.emit('command', cmd, (ack: Ack) => resolve(ack)));
  }

  async must(cmd: Command): Promise<void> {
    const ack = await this.command(cmd);
    if (!ack.ok) throw new Error(`${cmd.type} refused: ${ack.error.message}`);
  }

  close(): void {
    this.socket.close();
  }
}
