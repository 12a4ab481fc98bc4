import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { useConnectionStore } from '../store/connectionStore';

/** Our y-websocket message types (server/sync/messages.ts, docs/API.md). */
export const ACK_MESSAGE = 100;
export const NOT_STORED_MESSAGE = 101;

/** True when the server's state vector covers every client's clock in ours: the server has all this doc holds. */
export function serverHasAll(local: Map<number, number>, server: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((server.get(client) ?? 0) < clock) return false;
  return true;
}

export interface AckState {
  /** The server's log holds everything this document holds (an ack covered it); null before the first ack. */
  saved: boolean | null;
  /** The server said it could not store a change of ours yet (it retries, or we resend): not saved. */
  notStored: boolean;
}

/**
 * Follows the server's acknowledgements for one document: `ack` (100) carries the server's state vector after a
 * durable write, `notStored` (101) says a write could not be stored yet. "Saved" means the stored state vector
 * covers this document's whole state vector, so everything this phone holds (its own writes, from this session or
 * an earlier one kept in IndexedDB) is in the log. Everything else in the document came from the server, which
 * sends only what it stored: it counts as acknowledged when it arrives. Returns the cleanup.
 */
export function trackAcks(provider: WebsocketProvider, doc: Y.Doc, onChange: (s: AckState) => void): () => void {
  const stored = new Map<number, number>();
  let state: AckState = { saved: null, notStored: false };
  const set = (next: AckState) => {
    if (next.saved === state.saved && next.notStored === state.notStored) return;
    state = next;
    onChange(state);
  };
  const covered = () => serverHasAll(Y.decodeStateVector(Y.encodeStateVector(doc)), stored);
  const handlers = provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
  const before = [handlers[ACK_MESSAGE], handlers[NOT_STORED_MESSAGE]] as const;
  handlers[ACK_MESSAGE] = (_encoder, decoder) => {
    for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(decoder))) {
      if ((stored.get(client) ?? 0) < clock) stored.set(client, clock);
    }
    const saved = covered();
    set({ saved, notStored: saved ? false : state.notStored });
  };
  handlers[NOT_STORED_MESSAGE] = (_encoder, decoder) => {
    decoding.readVarString(decoder); // why: 'retrying' or 'full'; the person sees the same either way
    set({ saved: false, notStored: true });
  };
  // A change of ours is unsaved until an ack covers it. What arrives from the server is stored already (the server
  // relays only what it stored): it counts as acknowledged, so other people's writes never make ours look unsaved.
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) {
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
        if ((stored.get(client) ?? 0) < clock) stored.set(client, clock);
      }
      if (state.saved === false && !state.notStored && covered()) set({ ...state, saved: true });
      return;
    }
    if (state.saved && !covered()) set({ ...state, saved: false });
  };
  doc.on('update', onUpdate);
  return () => {
    doc.off('update', onUpdate);
    // A message still arriving must find a handler (y-websocket logs unknown types); the earlier one, or none.
    handlers[ACK_MESSAGE] = before[0] ?? (() => undefined);
    handlers[NOT_STORED_MESSAGE] = before[1] ?? (() => undefined);
  };
}

const tracked = new Map<string, AckState>();

/** Writes the documents' combined state into the connection store: saved when all are, not stored when any is not. */
function publish(): void {
  const states = [...tracked.values()];
  const known = states.filter((s) => s.saved !== null);
  useConnectionStore.setState({
    saved: known.length === 0 ? null : known.every((s) => s.saved),
    notStored: states.some((s) => s.notStored),
  });
}

/** Shows whether this document's changes are stored (connection store `saved` / `notStored`). Returns the cleanup. */
export function watchAcks(provider: WebsocketProvider, doc: Y.Doc, docName: string): () => void {
  tracked.set(docName, { saved: null, notStored: false });
  const stop = trackAcks(provider, doc, (s) => {
    tracked.set(docName, s);
    publish();
  });
  return () => {
    stop();
    tracked.delete(docName);
    publish();
  };
}
