import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { EVENTS } from '../../shared/protocol';
import { useConnectionStore } from '../store/connectionStore';
import { LOCAL_ORIGIN } from './origins';

const CHECK_AFTER_MS = 800;
const RECHECK_MS = 3000;

const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));

/** True when the server's state vector covers every client's clock in ours: the server has all this doc holds. */
export function serverHasAll(local: Map<number, number>, server: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((server.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Tells the person whether the server has everything they wrote: after each change (and each reconnect) the page
 * asks the server for its state vector and compares. Returns the cleanup.
 */
export function watchSaved(doc: Y.Doc, docName: string, socket: Socket): () => void {
  let timer: number | undefined;
  const schedule = (ms = CHECK_AFTER_MS) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, ms);
  };
  const check = () => {
    if (!socket.connected) return;
    socket.timeout(5000).emit(EVENTS.stateVector, docName, (err: unknown, sv: string | null) => {
      if (err || !sv) return schedule(RECHECK_MS);
      const saved = serverHasAll(Y.decodeStateVector(Y.encodeStateVector(doc)), Y.decodeStateVector(fromBase64(sv)));
      useConnectionStore.setState({ saved });
      // Not everything is there yet: the update may still be on its way; look again shortly.
      if (!saved) schedule(RECHECK_MS);
    });
  };
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL_ORIGIN) return;
    useConnectionStore.setState({ saved: false });
    schedule();
  };
  const onConnect = () => schedule();
  doc.on('update', onUpdate);
  socket.on('connect', onConnect);
  schedule();
  return () => {
    window.clearTimeout(timer);
    doc.off('update', onUpdate);
    socket.off('connect', onConnect);
  };
}
