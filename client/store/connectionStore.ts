import { create } from 'zustand';
import type { NoticeCode } from '../../shared/protocol';

export type DocStatus = 'connecting' | 'connected' | 'disconnected';

export interface DocConnection {
  status: DocStatus;
  synced: boolean;
  /** Set when the server refused the connection for good (close code 4400–4499). */
  refused: { code: number; reason: string } | null;
}

/** Local-only state: how this page is connected, per document and for the command socket. */
export interface ConnectionStore {
  docs: Record<string, DocConnection>;
  socket: DocStatus;
  /** Local board changes made while not synced with the server. */
  pending: number;
  browserOnline: boolean;
  /** Whether the server's log holds everything this page wrote (its acks, client/sync/acks.ts); null while unknown. */
  saved: boolean | null;
  /** The server could not store a change of this page yet (storage failing or full): shown until an ack covers it. */
  notStored: boolean;
  /** The server's latest notice to this page (a refused change, slowing down), shown calmly until dismissed. */
  notice: { code: NoticeCode; at: number } | null;
  /** Bumped when the server refused a write: the page drops its copy of the documents and loads the server's. */
  resyncs: number;
  /** The server speaks a newer protocol than this (cached) app: the page must be reloaded. */
  outdated: boolean;
}

export const useConnectionStore = create<ConnectionStore>(() => ({
  docs: {},
  socket: 'connecting',
  pending: 0,
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  saved: null,
  notStored: false,
  notice: null,
  resyncs: 0,
  outdated: false,
}));

export function patchDocConnection(name: string, patch: Partial<DocConnection>): void {
  useConnectionStore.setState((s) => {
    const prev = s.docs[name] ?? { status: 'connecting', synced: false, refused: null };
    return { docs: { ...s.docs, [name]: { ...prev, ...patch } } };
  });
}

export function removeDocConnection(name: string): void {
  useConnectionStore.setState((s) => {
    const { [name]: _gone, ...rest } = s.docs;
    return { docs: rest };
  });
}

export type ConnectionSummary =
  | { state: 'online' | 'reconnecting' | 'offline'; pending: number }
  | { state: 'refused'; code: number; pending: number };

/** One word for the person: refused beats offline beats reconnecting beats online. */
export function summarise(s: ConnectionStore): ConnectionSummary {
  const docs = Object.values(s.docs);
  const refused = docs.find((d) => d.refused)?.refused;
  if (refused) return { state: 'refused', code: refused.code, pending: s.pending };
  if (!s.browserOnline) return { state: 'offline', pending: s.pending };
  const allUp = docs.every((d) => d.status === 'connected' && d.synced) && s.socket === 'connected';
  if (allUp) return { state: 'online', pending: s.pending };
  return { state: 'reconnecting', pending: s.pending };
}

/** The server's final refusal of one of this page's documents, if any. */
export const selectRefused = (s: ConnectionStore): { code: number; reason: string } | null =>
  Object.values(s.docs).find((d) => d.refused)?.refused ?? null;
