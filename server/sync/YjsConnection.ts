import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { LIMITS } from '../../shared/limits';
import type { Access, Principal } from '../../shared/roles';
import { WS_CLOSE } from '../../shared/protocol';
import { actorOf } from '../auth';
import { structuralRefusal, type UpdateGuard } from './guard/createGuard';
import type { DocListener, LiveDoc } from './LiveDoc';
import { awarenessMessage, encodeMessage, KEEPALIVE, MESSAGE, type NotStoredReason } from './messages';
import { missingDependencies } from './guard/applicable';
import type { ChangeOrigin } from './origins';
import { carriesNothingNew, withoutKnownStructs } from './readOnlyUpdate';
import { sharedBucket, sleep, TokenBucket } from './TokenBucket';
import { Resyncs, WriterAcks } from './writerReplies';
import { roomWrote } from './roomActivity';

export type { UpdateGuard };

/** The per-connection rates (shared/limits.ts); tests pass smaller ones to see them act within seconds. */
export interface ConnectionLimits {
  updatesPerSecond: number;
  itemsPerMinute: number;
  queuedMessages: number;
  /** A connection sent nothing for this long gets the keepalive (y-websocket clients give up after 30 s of silence). */
  keepaliveMs: number;
  /** Resyncs asked of one connection per minute; more close it with 1013 (it reconnects and syncs afresh). */
  resyncsPerMinute: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  updatesPerSecond: LIMITS.updatesPerSecond,
  itemsPerMinute: LIMITS.itemsPerMinute,
  queuedMessages: LIMITS.queuedMessages,
  keepaliveMs: 12_000,
  resyncsPerMinute: LIMITS.resyncsPerMinute,
};

/** What the endpoint does when a connection is refused a write or has to slow down. */
export interface ConnectionEvents {
  /** A write was refused: nothing of it was applied; the endpoint tells the sender and closes the connection. */
  refused(conn: YjsConnection, reason: string): void;
  /** The connection sends faster than the limits: its messages now wait their turn. */
  slowed(conn: YjsConnection): void;
}

/**
 * One websocket speaking the y-websocket protocol for one document, with the permissions of its principal.
 * Messages are handled one at a time, in order, so a write is stored before the next message is read.
 */
export class YjsConnection implements DocListener, ChangeOrigin {
  readonly actor: string;
  private readonly awarenessIds = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private closed = false;
  private readonly updates: TokenBucket;
  private readonly items: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  private slowedAt = 0;
  private sentAt = Date.now();
  private readonly resyncs: Resyncs;
  /** A write was turned away (storage full): ask for it again once storage works. */
  private turnedAway = false;
  private readonly acks: WriterAcks;

  constructor(
    private readonly ws: WebSocket,
    readonly live: LiveDoc,
    readonly principal: Principal,
    private readonly access: Access,
    private readonly guard: UpdateGuard,
    private readonly events: ConnectionEvents,
    private readonly limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
    /** Rewrites each outgoing message (a researcher's pseudonymised control document: server/export/controlView.ts). */
    private readonly outgoing: ((msg: Uint8Array) => Uint8Array) | null = null,
  ) {
    this.actor = actorOf(principal);
    this.acks = new WriterAcks(live.name, access === 'write', (msg) => this.send(msg));
    this.resyncs = new Resyncs(limits.resyncsPerMinute);
    this.updates = new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * 2);
    // Per participant, across all their connections and documents (a reconnect gets no fresh bucket). Staff (whose
    // console and tools write many items at once: copies, merges) keep a bucket per connection.
    this.items =
      principal.role === 'participant'
        ? sharedBucket(`${principal.workshopId}\n${this.actor}`, limits.itemsPerMinute / 60, limits.itemsPerMinute)
        : new TokenBucket(limits.itemsPerMinute / 60, limits.itemsPerMinute);
    this.awarenessRate = new TokenBucket(LIMITS.awarenessPerSecond, LIMITS.awarenessPerSecond * 2);
  }

  /** Updates whose history the server lacked, answered with a resync instead of a refusal (for tests and logs). */
  get resyncCount(): number {
    return this.resyncs.count;
  }

  /** Starts the protocol: the server's sync step 1 and the current awareness states. */
  start(): void {
    const { doc, awareness } = this.live;
    this.live.listeners.add(this);
    this.send(encodeMessage(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, doc)));
    const states = awareness.getStates();
    if (states.size > 0) {
      this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [...states.keys()])));
    }
  }

  /**
   * Queues one incoming message; a connection that floods the queue is closed (its client resends on reconnect).
   * Awareness is applied at once: it is ephemeral, needs no order with the document's updates, and y-websocket
   * clients echo every awareness change they receive, which must not crowd out their writes.
   */
  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (data[0] === MESSAGE.awareness) {
      try {
        this.handleAwareness(decoding.createDecoder(data));
      } catch (err) {
        console.warn(`[yjs] malformed awareness from ${this.actor} on ${this.live.name}: ${String(err)}`);
        this.close(WS_CLOSE.badRequest, 'malformed message');
      }
      return;
    }
    // A writer's document message: background work (an export) steps aside until it has reached the room.
    if (this.access === 'write' && data[0] === MESSAGE.sync) roomWrote();
    if (++this.queued > this.limits.queuedMessages) {
      console.warn(`[yjs] ${this.actor} on ${this.live.name} sends faster than the server applies; closing`);
      this.close(1013, 'too many messages');
      return;
    }
    this.queue = this.queue
      .then(() => this.handle(data))
      .catch((err: unknown) => {
        console.warn(`[yjs] malformed message from ${this.actor} on ${this.live.name}: ${String(err)}`);
        this.close(WS_CLOSE.badRequest, 'malformed message');
      })
      .finally(() => this.queued--);
  }

  /** Waits until the bucket allows `n`; tells the sender once a minute at most that it is being slowed down. */
  private async throttle(bucket: TokenBucket, n: number): Promise<void> {
    for (let wait = bucket.waitFor(n); wait > 0 && !this.closed; wait = bucket.waitFor(n)) {
      if (Date.now() - this.slowedAt > 60_000) {
        this.slowedAt = Date.now();
        this.events.slowed(this);
      }
      await sleep(wait);
    }
    bucket.take(n);
  }

  private async handle(data: Uint8Array): Promise<void> {
    if (this.closed) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
        return this.handleSync(decoder);
      case MESSAGE.queryAwareness: {
        const states = this.live.awareness.getStates();
        this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.live.awareness, [...states.keys()])));
        return;
      }
      case MESSAGE.auth:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private async handleSync(decoder: decoding.Decoder): Promise<void> {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // Answer only with what is stored, so nobody sees a change the log could still lose (while storage fails,
      // with what is held too: it is not lost while it is retried).
      await this.live.settled();
      this.send(encodeMessage(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, this.live.doc, stateVector)));
      // What the log holds, so a client whose changes were stored before a reconnect knows them saved.
      this.acks.acknowledgeAll(this.live.storedStateVector());
      return;
    }
    // A sync step 2 answers the server's sync step 1: the resync asked for (if any) has arrived.
    if (syncType === syncProtocol.messageYjsSyncStep2) this.resyncs.answered();
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${syncType}`);
    }
    const received = decoding.readVarUint8Array(decoder);
    // decodeUpdate parses the whole update, so a malformed one throws here, before it can touch the document.
    const decodedReceived = Y.decodeUpdate(received);
    if (decodedReceived.structs.length === 0 && decodedReceived.ds.clients.size === 0) return;
    // Too many structs or delete ranges for one update: refused before anything else looks at it (docs/SECURITY.md).
    const structural = structuralRefusal(decodedReceived);
    if (structural) return this.refuse(structural);
    if (this.access !== 'write') {
      // A read-only client repeating what the server already has (a copy loaded from IndexedDB, a sync step 2) is
      // not a write; only new content or a new deletion is.
      if (carriesNothingNew(this.live.doc, received, decodedReceived)) return;
      return this.refuse('read-only document');
    }
    // Structs the server has already (a phone re-sending its stored copy, which holds what others and the server
    // wrote; a sync step 2 computed before an update of the same client arrived; a resync's answer) are cut off, so
    // what is checked is exactly what is new: a repeated field of an existing item is not a change of it.
    const { update, decoded } = withoutKnownStructs(this.live.doc, received, decodedReceived);
    // Nothing new: it is stored already, say so (for the ids it names: a repeated message is no way to have the whole
    // state vector sent back).
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) {
      this.acks.wroteUnder(decodedReceived);
      return this.acknowledge(this.live.storedClocks);
    }
    // History the server lacks (after a crash, a restart, a fail-over) is asked for, not refused, and nothing of
    // the update is held meanwhile: the client's answer carries it again (docs/SECURITY.md).
    if (missingDependencies(this.live.doc, decoded)) return this.askResync();
    if (this.live.full) {
      // Storage has failed for long enough that memory holds its bound: the writer keeps its change (not saved).
      this.turnedAway = true;
      this.notStored('full');
      return;
    }
    await this.throttle(this.updates, 1);
    const { check, recorded } = await this.guard.prepare(this.principal, this.live, decoded);
    if (this.closed) return;
    let verdict = check();
    if (!verdict.reason && verdict.created > 0 && this.items.waitFor(verdict.created) > 0) {
      await this.throttle(this.items, verdict.created);
      if (this.closed) return;
      // The document may have changed while waiting: check again right before applying.
      verdict = check();
    } else if (verdict.created > 0) this.items.take(verdict.created);
    if (verdict.resync) return this.askResync();
    if (verdict.reason) return this.refuse(verdict.reason);
    const changed = this.live.applyClientUpdate(update, this, recorded);
    this.acks.wroteUnder(decodedReceived);
    // Nothing new: it is stored already, say so (a changing update is acknowledged once its write is durable).
    if (!changed) this.acknowledge(this.live.storedClocks);
    // Stored before this connection's next message is read (while storage fails: tried once, then held).
    await this.live.settled();
  }

  /**
   * Sends the server's sync step 1: the client answers with a sync step 2 holding everything the server lacks,
   * which then passes the guard. One request at a time; more than `resyncsPerMinute` close the connection with
   * 1013, from which the client reconnects (and syncs afresh) rather than being refused.
   */
  private askResync(): void {
    const verdict = this.resyncs.request();
    if (verdict === 'covered') return;
    if (verdict === 'tooMany') {
      console.warn(`[yjs] ${this.actor} on ${this.live.name} needs resyncs too often; closing (it reconnects)`);
      this.close(1013, 'too many resyncs');
      return;
    }
    this.send(encodeMessage(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, this.live.doc)));
  }

  /** This connection's writes are stored (`stored`: what the log holds, per client id): ack them. */
  acknowledge(stored: ReadonlyMap<number, number>): void {
    this.acks.acknowledge(stored);
  }

  notStored(reason: NotStoredReason): void {
    this.acks.notStored(reason);
  }

  /** Storage works again: a writer turned away while it was full sends what the server lacks. */
  recovered(): void {
    if (!this.turnedAway || this.closed) return;
    this.turnedAway = false;
    this.resyncs.answered();
    this.send(encodeMessage(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, this.live.doc)));
  }

  private refuse(reason: string): void {
    if (this.closed) return;
    this.events.refused(this, reason);
  }

  private handleAwareness(decoder: decoding.Decoder): void {
    // Read-only links (the screen) have no presence; the rest send small states, at a modest rate. Extra is dropped.
    if (this.access !== 'write') return;
    if (decoder.arr.length > LIMITS.awarenessBytes || this.awarenessRate.waitFor(1) > 0) return;
    this.awarenessRate.take(1);
    decoding.readVarUint(decoder); // the message type
    awarenessProtocol.applyAwarenessUpdate(this.live.awareness, decoding.readVarUint8Array(decoder), this);
  }

  /** Called by the document for awareness changes this connection's own messages made (echoes change nothing). */
  ownAwareness(added: number[], removed: number[]): void {
    for (const id of added) this.awarenessIds.add(id);
    for (const id of removed) this.awarenessIds.delete(id);
  }

  send(msg: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.sentAt = Date.now();
    // perf: no callback per message (one closure and one completion tick each, for every listener of every update): a
    // failed write destroys the socket, and its 'close' ends this connection (yjsEndpoint.ts).
    this.ws.send(this.outgoing ? this.outgoing(msg) : msg);
  }

  /** Sends the keepalive when nothing went out for `quietMs`, so the client does not think the server is gone. */
  keepAlive(quietMs: number, now = Date.now()): void {
    if (now - this.sentAt >= quietMs) this.send(KEEPALIVE);
  }

  close(code = 1000, reason = ''): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
    this.cleanup();
  }

  /**
   * The client closed the socket: what it sent before is still applied, in order (nothing is sent back), and then
   * the connection is forgotten. A connection the server closes (`close`) drops what is still queued instead.
   */
  async drain(): Promise<void> {
    await this.queue;
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
