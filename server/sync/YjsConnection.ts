import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Access, Principal } from '../../shared/roles';
import { WS_CLOSE } from '../../shared/protocol';
import { actorOf } from '../auth';
import type { DocListener, LiveDoc } from './LiveDoc';
import type { ChangeOrigin } from './origins';

// Message types of the y-websocket protocol.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

/** A check an update must pass before it is applied; returns a reason to refuse, or null. */
export type UpdateGuard = (principal: Principal, doc: LiveDoc, update: Uint8Array) => string | null;

/** True when an update carries no structs and no deletions (what a read-only client sends in sync step 2). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * One websocket speaking the y-websocket protocol for one document, with the permissions of its principal.
 * Messages are handled one at a time, in order, so a write is stored before the next message is read.
 */
export class YjsConnection implements DocListener, ChangeOrigin {
  readonly actor: string;
  private readonly awarenessIds = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly live: LiveDoc,
    readonly principal: Principal,
    private readonly access: Access,
    private readonly guard: UpdateGuard,
    private readonly onRefused: (conn: YjsConnection, reason: string) => void,
  ) {
    this.actor = actorOf(principal);
  }

  /** Starts the protocol: the server's sync step 1 and the current awareness states. */
  start(): void {
    const { doc, awareness } = this.live;
    this.live.listeners.add(this);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(enc, doc);
    this.send(encoding.toUint8Array(enc));
    const states = awareness.getStates();
    if (states.size > 0) {
      this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [...states.keys()]));
    }
  }

  /** Queues one incoming message. */
  receive(data: Uint8Array): void {
    this.queue = this.queue
      .then(() => this.handle(data))
      .catch((err: unknown) => {
        console.warn(`[yjs] malformed message from ${this.actor} on ${this.live.name}: ${String(err)}`);
        this.close(WS_CLOSE.badRequest, 'malformed message');
      });
  }

  private async handle(data: Uint8Array): Promise<void> {
    if (this.closed) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(decoder);
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        this.trackAwareness(update);
        awarenessProtocol.applyAwarenessUpdate(this.live.awareness, update, this);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        const states = this.live.awareness.getStates();
        this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.live.awareness, [...states.keys()]));
        return;
      }
      case MESSAGE_AUTH:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private async handleSync(decoder: decoding.Decoder): Promise<void> {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // Answer only with what is stored, so nobody sees a change the log could still lose.
      await this.live.idle();
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(enc, this.live.doc, stateVector);
      this.send(encoding.toUint8Array(enc));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // decodeUpdate parses the whole update, so a malformed one throws here, before it can touch the document.
    if (isEmptyUpdate(update)) return;
    if (this.access !== 'write') return this.refuse('read-only document');
    const reason = this.guard(this.principal, this.live, update);
    if (reason) return this.refuse(reason);
    Y.applyUpdate(this.live.doc, update, this);
    // Stored before this connection's next message is read.
    await this.live.idle();
  }

  private refuse(reason: string): void {
    this.onRefused(this, reason);
  }

  private trackAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const len = decoding.readVarUint(decoder);
    for (let i = 0; i < len; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
      if (state === null) this.awarenessIds.delete(clientId);
      else this.awarenessIds.add(clientId);
    }
  }

  sendUpdate(update: Uint8Array): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeUpdate(enc, update);
    this.send(encoding.toUint8Array(enc));
  }

  sendAwareness(update: Uint8Array): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(enc, update);
    this.send(encoding.toUint8Array(enc));
  }

  private send(msg: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(msg, (err) => {
      if (err) this.close(1011, 'send failed');
    });
  }

  close(code = 1000, reason = ''): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
    this.cleanup();
  }

  /** Forgets this connection: awareness states it owned are removed for everyone. */
  cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.live.listeners.delete(this);
    if (this.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.live.awareness, [...this.awarenessIds], null);
    }
  }
}
