import { NOTICE_CODES } from '../../shared/protocolCodes';
import { IndexeddbPersistence } from 'y-indexeddb';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { itemsMap } from '../../shared/boardDoc';
import { emptyBoard, useBoardStore, useOwnStore } from '../store/boardStore';
import { useConnectionStore } from '../store/connectionStore';
import { emptyControl, useControlStore } from '../store/controlStore';
import { useLiveStore } from '../store/liveStore';
import { setActiveWorkshop } from './activeWorkshop';
import { bindBoard } from './bindBoard';
import { bindControl } from './bindControl';
import { connectDoc, type DocName } from './connectDoc';
import { connectSocket } from './socket';
import { loadItemValidationOnFirstTouch } from './itemWrites';
import { findUnsaved, keepUnsaved, serverStateVector, showUnsaved } from './unsaved';

export interface WorkshopOptions {
  workshopId: string;
  /** Null while the token is not known yet; nothing connects then. */
  token: string | null;
  /** Documents besides `control`, which every view reads. */
  docs: Array<Exclude<DocName, 'control'>>;
  /** Phones keep the board (and a copy of control) in IndexedDB, so what was typed offline survives a reload. */
  persistBoard?: boolean;
  /** A participant's id: their own document (private drafts) is connected too. */
  ownerId?: string;
  /** The board is read-only for this page (the screen): it is never sent back to the server. */
  boardReadOnly?: boolean;
}

function resetStores(): void {
  useControlStore.setState(emptyControl());
  useBoardStore.setState(emptyBoard());
  useOwnStore.setState(emptyBoard());
  useLiveStore.setState({ online: [], hello: null, summon: null, hands: [], myHand: false });
  useConnectionStore.setState({ docs: {}, pending: 0, socket: 'connecting', saved: null, notStored: false });
}

/**
 * Connects the page to a workshop for as long as the component is mounted: documents, store bindings and the
 * command socket are created in the effect and destroyed in its cleanup (StrictMode mounts twice).
 */
export function useWorkshop({
  workshopId,
  token,
  docs,
  persistBoard = false,
  ownerId,
  boardReadOnly = false,
}: WorkshopOptions): void {
  const docsKey = [...docs].sort().join(',');
  // Bumped when the server refused a write: everything is rebuilt from the server's copy.
  const resyncs = useConnectionStore((s) => s.resyncs);
  useEffect(() => {
    if (!token) return;
    const names = docsKey ? (docsKey.split(',') as WorkshopOptions['docs']) : [];
    const cleanups: Array<() => void> = [];
    showUnsaved(workshopId);

    const control = new Y.Doc();
    cleanups.push(bindControl(control));
    if (persistBoard) {
      // A phone reloaded while offline still knows the session it is in (read-only copy; it never writes control).
      const idb = new IndexeddbPersistence(`werkplaats:${workshopId}:control`, control);
      cleanups.push(() => void idb.destroy());
    }
    // Control is read-only for every client (only the server writes it): the copy from IndexedDB is never sent back.
    cleanups.push(connectDoc({ workshopId, name: 'control', token, doc: control, readOnly: true }));
    // Browsers open one WebSocket per host at a time. Control goes first (the first picture needs it), then the
    // command socket, which takes a round trip more than a document after opening, so its wait overlaps the others.
    const { socket, close } = connectSocket(token, workshopId);
    cleanups.push(close);

    /**
     * The server refused a write of this page (docs/SECURITY.md, "Refusal"). Yjs cannot take structs back out of a
     * document, so the page starts over from the server's copy, but first it keeps, in localStorage, every item
     * holding something the server lacks, and shows them ("Niet bewaard"): nothing typed is silently discarded.
     */
    let refusing = false;
    const refused = (doc: Y.Doc, name: string, received: Map<number, number>, clear: () => Promise<void>) => {
      // The close code alone says it: the socket.io notice may arrive later than this, or not at all.
      useConnectionStore.setState({ notice: { code: NOTICE_CODES.refused, at: Date.now() } });
      if (refusing) return;
      refusing = true;
      void (async () => {
        // The server's own state vector says exactly what it lacks; without an answer, what it sent this page is
        // the best guess, and then only this person's own items count (everything loaded from IndexedDB would look new).
        const asked = await serverStateVector(socket, name);
        // A participant's work is their own items and the group items they may edit; anything else the local copy
        // holds (e.g. something planted in IndexedDB) is not theirs to keep. Staff may write everything.
        const theirs = (id: string) => {
          const m = itemsMap(doc).get(id);
          return !ownerId || m?.get('authorId') === ownerId || (!!asked && m?.get('editableBy') === 'group');
        };
        const found = findUnsaved(doc, asked ?? received, name).filter((e) => theirs(e.id));
        keepUnsaved(workshopId, found);
        await clear();
        useConnectionStore.setState((s) => ({ resyncs: s.resyncs + 1 }));
      })();
    };

    let board: Y.Doc | null = null;
    let boardIdb: IndexeddbPersistence | null = null;
    if (names.includes('board')) {
      board = new Y.Doc();
      cleanups.push(bindBoard(board));
      if (persistBoard) {
        const idb = (boardIdb = new IndexeddbPersistence(`werkplaats:${workshopId}:board`, board));
        cleanups.push(() => void idb.destroy());
      }
      const doc = board;
      const onRefusedWrite = (received: Map<number, number>) =>
        refused(doc, 'board', received, () => boardIdb?.clearData() ?? Promise.resolve());
      cleanups.push(
        boardReadOnly
          ? connectDoc({ workshopId, name: 'board', token, doc: board, readOnly: true })
          : connectDoc({ workshopId, name: 'board', token, doc: board, countPending: true, onRefusedWrite }),
      );
    }
    if (names.includes('research')) {
      const research = new Y.Doc();
      cleanups.push(connectDoc({ workshopId, name: 'research', token, doc: research }));
      cleanups.push(() => research.destroy());
    }

    let own: Y.Doc | null = null;
    if (ownerId) {
      // Drafts live only in this participant's own document; the server never sends it to anyone else's phone.
      own = new Y.Doc();
      cleanups.push(bindBoard(own, useOwnStore));
      const doc = own;
      const name = `own/${ownerId}` as const;
      cleanups.push(
        connectDoc({
          workshopId,
          name,
          token,
          doc: own,
          countPending: true,
          onRefusedWrite: (received) => refused(doc, name, received, () => Promise.resolve()),
        }),
      );
    }

    setActiveWorkshop({ workshopId, board, own, socket });
    // A page that writes loads the item schemas when the person first touches it, not with the first download.
    if (!boardReadOnly) cleanups.push(loadItemValidationOnFirstTouch());

    const onOnline = () => useConnectionStore.setState({ browserOnline: navigator.onLine });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOnline);
    cleanups.push(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
    });

    return () => {
      setActiveWorkshop(null);
      // Providers first, then bindings, then the docs, the reverse of creation.
      for (const fn of cleanups.reverse()) fn();
      control.destroy();
      board?.destroy();
      own?.destroy();
      resetStores();
    };
  }, [workshopId, token, docsKey, persistBoard, ownerId, boardReadOnly, resyncs]);
}
