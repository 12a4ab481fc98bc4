import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { PROTOCOL_VERSION, WS_CLOSE } from '../../shared/protocolCodes';
import { patchDocConnection, removeDocConnection, useConnectionStore } from '../store/connectionStore';
import { LOCAL_ORIGIN } from './origins';
import { watchAcks } from './acks';
import { trackServerState } from './unsaved';

export type DocName = 'control' | 'board' | 'research' | `own/${string}`;

export const wsBase = (): string => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;

/**
 * Connects one workshop document to the server and reports its state to the connection store.
 * With `countPending`, local edits made while unsynced are counted as "waiting" until the provider syncs again.
 * Returns the cleanup, which destroys the provider.
 */
export function connectDoc(opts: {
  workshopId: string;
  name: DocName;
  token: string;
  doc: Y.Doc;
  countPending?: boolean;
  /**
   * Called when the server refused one of this document's writes (close 4409), with the state vector of what the
   * server has sent this page (a fallback for working out what it lacks): the page keeps what was not saved and
   * starts over from the server.
   */
  onRefusedWrite?: (receivedFromServer: Map<number, number>) => void;
  /**
   * This principal can only read the document (control always; the board for the screen): nothing of it is ever
   * sent, neither local updates (a copy loaded from IndexedDB) nor an answer to the server's sync step 1.
   */
  readOnly?: boolean;
}): () => void {
  const { workshopId, name, token, doc } = opts;
  // Cross-tab broadcast is off: the server is the only authority on who may see or write what.
  const provider = new WebsocketProvider(`${wsBase()}/yjs`, `${workshopId}/${name}`, doc, {
    // The token travels as a subprotocol, so it never appears in a URL a proxy could log.
    // `v.<n>`: the server closes a client of an older protocol with 4426, so an old cached app is told to reload.
    protocols: ['werkplaats', `token.${token}`, `v.${PROTOCOL_VERSION}`],
    disableBc: true,
  });
  if (opts.readOnly) receiveOnly(provider);
  const received = opts.onRefusedWrite ? trackServerState(doc, () => provider) : null;
  // Presence goes over socket.io; a Yjs awareness state would be renewed every 15 s and echoed by every other client
  // (y-websocket re-broadcasts what it receives), a storm of messages in a full room on bad Wi-Fi. The server sends
  // a keepalive instead, so a quiet connection is not taken for a dead one.
  provider.awareness.setLocalState(null);
  patchDocConnection(name, { status: 'connecting', synced: false, refused: null });
  const stopAcks = opts.countPending ? watchAcks(provider, doc, name) : null; // "saved" = acknowledged as stored

  provider.on('status', ({ status }) => patchDocConnection(name, { status }));
  provider.on('sync', (synced: boolean) => {
    patchDocConnection(name, { synced });
    if (synced && opts.countPending) useConnectionStore.setState({ pending: 0 });
  });
  provider.on('closed', (event) => {
    if (event.code === WS_CLOSE.refusedWrite && opts.onRefusedWrite)
      return opts.onRefusedWrite(received?.sv ?? new Map());
    if (event.code === WS_CLOSE.outdated) {
      // Not a refusal of this person: the app is older than the server. The page asks for a reload.
      useConnectionStore.setState({ outdated: true });
      return patchDocConnection(name, { status: 'disconnected' });
    }
    patchDocConnection(name, { refused: event, status: 'disconnected' });
  });

  // A socket can look synced for a while after the network went away, so the browser's own offline flag counts too.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL_ORIGIN && (!provider.synced || !navigator.onLine))
      useConnectionStore.setState((s) => ({ pending: s.pending + 1 }));
  };
  // Back online with changes waiting: reconnect, so a fresh sync carries them and clears the count.
  const onOnline = () => {
    if (useConnectionStore.getState().pending === 0) return;
    provider.disconnect();
    provider.connect();
  };
  if (opts.countPending) {
    doc.on('update', onUpdate);
    window.addEventListener('online', onOnline);
  }

  return () => {
    if (opts.countPending) {
      doc.off('update', onUpdate);
      window.removeEventListener('online', onOnline);
    }
    stopAcks?.();
    received?.stop();
    provider.destroy();
    removeDocConnection(name);
  };
}

/**
 * Makes a provider receive-only: it no longer sends the document's updates, and it answers the server's sync step 1
 * with nothing. It still applies the server's sync step 2 and updates (and reports synced), so the page follows.
 * Called right after construction: the socket opens asynchronously, so nothing was sent yet.
 */
export function receiveOnly(provider: WebsocketProvider): void {
  provider.doc.off('update', provider._updateHandler);
  provider.messageHandlers[0] = (_encoder, decoder, p, emitSynced) => {
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      decoding.readVarUint8Array(decoder); // the server's state vector: we owe it nothing
      return;
    }
    if (type === syncProtocol.messageYjsSyncStep2) {
      syncProtocol.readSyncStep2(decoder, p.doc, p);
      if (emitSynced && !p.synced) p.synced = true;
    } else if (type === syncProtocol.messageYjsUpdate) {
      syncProtocol.readUpdate(decoder, p.doc, p);
    }
  };
}
