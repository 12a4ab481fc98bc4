import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * Message types of the y-websocket protocol: the first varuint of every websocket message. `ack` and `notStored`
 * are ours (docs/API.md): the server sends them to a writer; y-websocket clients without a handler ignore them.
 */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, ack: 100, notStored: 101 } as const;

/** A y-websocket message: its type, then the body the writer puts in. */
export function encodeMessage(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  write(enc);
  return encoding.toUint8Array(enc);
}

/** An awareness update (from `encodeAwarenessUpdate`) as a message. */
export const awarenessMessage = (update: Uint8Array): Uint8Array =>
  encodeMessage(MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update));

/** A document update as a sync message. */
export const updateMessage = (update: Uint8Array): Uint8Array =>
  encodeMessage(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, update));

/**
 * An awareness update about no clients (a count of 0 entries, one varuint byte): changes nothing, but counts as a
 * message for y-websocket, whose clients drop a connection that has been silent for 30 s. Sent to quiet connections,
 * since our clients keep no awareness state.
 */
export const KEEPALIVE = awarenessMessage(new Uint8Array([0]));

/** "Stored": stored clocks in `Y.encodeStateVector`'s format (the writer's client ids, or all after a sync); docs/API.md. */
export const ackMessage = (storedClocks: Uint8Array): Uint8Array =>
  encodeMessage(MESSAGE.ack, (e) => encoding.writeVarUint8Array(e, storedClocks));

/** Why a writer's change is not stored yet: `retrying` (kept and retried) or `full` (not taken; resent later). */
export type NotStoredReason = 'retrying' | 'full';

/** "Not stored (yet)": the writer keeps its change and shows it as not saved until an ack covers it. */
export const notStoredMessage = (reason: NotStoredReason): Uint8Array =>
  encodeMessage(MESSAGE.notStored, (e) => encoding.writeVarString(e, reason));
