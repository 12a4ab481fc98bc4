import * as Y from 'yjs';
import { ackMessage, notStoredMessage, type NotStoredReason } from './messages';

/** A resync asked this recently is still on its way: updates with missing history until then are covered by it. */
export const RESYNC_ANSWER_MS = 5000;

/**
 * When the server asks one connection for its history (the server's own sync step 1, answered by the client's sync
 * step 2): one request at a time, at most `perMinute` a minute; more and the connection is to be closed with 1013,
 * from which the client reconnects (and syncs afresh) rather than being refused.
 */
export class Resyncs {
  /** When the server last asked; 0 when no answer is due. */
  private askedAt = 0;
  private readonly asked: number[] = [];
  /** Updates whose history the server lacked, answered with a resync instead of a refusal (for tests and logs). */
  count = 0;

  constructor(private readonly perMinute: number) {}

  /** `ask`: send the sync step 1 now; `covered`: one is on its way; `tooMany`: close the connection. */
  request(now = Date.now()): 'ask' | 'covered' | 'tooMany' {
    this.count++;
    if (this.askedAt > 0 && now - this.askedAt < RESYNC_ANSWER_MS) return 'covered';
    while (this.asked.length > 0 && now - this.asked[0]! > 60_000) this.asked.shift();
    if (this.asked.length >= this.perMinute) return 'tooMany';
    this.asked.push(now);
    this.askedAt = now;
    return 'ask';
  }

  /** The client's sync step 2 arrived (or the server asks afresh for another reason): no answer is due. */
  answered(): void {
    this.askedAt = 0;
  }
}

/**
 * The replies a writing phone gets about its own writes (docs/API.md): `ack` with what the log holds, `notStored`
 * while storage fails. Only the writers of the documents phones write get them (their pages install the handlers,
 * client/sync/acks.ts): a y-websocket client without a handler for these types would log every one.
 */
export class WriterAcks {
  readonly enabled: boolean;

  constructor(
    docName: string,
    canWrite: boolean,
    private readonly send: (msg: Uint8Array) => void,
  ) {
    const kind = docName.slice(docName.indexOf('/') + 1);
    this.enabled = canWrite && (kind === 'board' || kind.startsWith('own/'));
  }

  /** Client ids this connection's accepted updates were written under: its acks name these. */
  private readonly wrote = new Set<number>();

  /** Notes the client ids an accepted update names, also of structs the server had (a copy from IndexedDB). */
  wroteUnder(update: ReturnType<typeof Y.decodeUpdate>): void {
    if (this.enabled) for (const struct of update.structs) this.wrote.add(struct.id.client);
  }

  /**
   * The writer's updates are stored: the ack names the stored clocks of the client ids it wrote under (one or a few),
   * not the whole state vector, which grows with every page load in the workshop (thousands of entries on a long
   * day; a hostile client adds hundreds) and would go to every writer with every write.
   */
  acknowledge(stored: ReadonlyMap<number, number>): void {
    if (!this.enabled) return;
    const mine = new Map<number, number>();
    for (const client of this.wrote) {
      const clock = stored.get(client);
      if (clock !== undefined) mine.set(client, clock);
    }
    this.send(ackMessage(Y.encodeStateVector(mine)));
  }

  /** The whole stored state vector, once the writer's sync step 1 is answered. */
  acknowledgeAll(storedStateVector: Uint8Array): void {
    if (this.enabled) this.send(ackMessage(storedStateVector));
  }

  notStored(reason: NotStoredReason): void {
    if (this.enabled) this.send(notStoredMessage(reason));
  }
}
