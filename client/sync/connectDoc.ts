import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { WS_CLOSE } from '../../shared/protocol';
import { patchDocConnection, removeDocConnection, useConnectionStore } from '../store/connectionStore';
import { LOCAL_ORIGIN } from './origins';
import { watchAcks } from './acks';

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
  /** Called when the server refused one of this document's writes (close 4409): the page starts over from the server. */
  onRefusedWrite?: () => void;
}): () => void {
  const { workshopId, name, token, doc } = opts;
  // Cross-tab broadcast is off: the server is the only authority on who may see or write what.
  const provider = new WebsocketProvider(`${wsBase()}/yjs`, `${workshopId}/${name}`, doc, {
    // The token travels as a subprotocol, so it never appears in a URL a proxy could log.
    protocols: ['werkplaats', `token.${token}`],
    disableBc: true,
  });
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
    if (event.code === WS_CLOSE.refusedWrite && opts.onRefusedWrite) return opts.onRefusedWrite();
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
    provider.destroy();
    removeDocConnection(name);
  };
}
