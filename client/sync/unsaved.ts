import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { create } from 'zustand';
import { itemsMap } from '../../shared/boardDoc';
import { EVENTS } from '../../shared/protocolCodes';

/**
 * What a phone had written that the server never confirmed when it refused one of its writes (close 4409). The page
 * then reloads its documents from the server; these are kept in localStorage and shown to the person (copy, retry,
 * throw away), so a refusal never silently discards what someone typed (docs/SECURITY.md, "Refusal").
 */
export interface UnsavedEntry {
  /** The board item's id (a new id is used on retry). */
  id: string;
  kind: string;
  /** The item's readable text (its `text`, shared texts, or its other text fields). */
  text: string;
  sessionId: string | null;
  /** Which document it was in: `board` or `own/<id>`. */
  doc: string;
  at: number;
}

const BASE_FIELDS = new Set(['id', 'kind', 'sessionId', 'groupId', 'authorId', 'createdAt', 'updatedAt', 'editableBy']);

export const unsavedKey = (workshopId: string): string => `werkplaats:${workshopId}:unsaved`;

export function loadUnsaved(workshopId: string): UnsavedEntry[] {
  try {
    const raw = window.localStorage.getItem(unsavedKey(workshopId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as UnsavedEntry[]).filter((e) => typeof e?.text === 'string') : [];
  } catch {
    return [];
  }
}

function store(workshopId: string, entries: UnsavedEntry[]): void {
  try {
    if (entries.length === 0) window.localStorage.removeItem(unsavedKey(workshopId));
    else window.localStorage.setItem(unsavedKey(workshopId), JSON.stringify(entries));
  } catch {
    // Storage full or forbidden: the entries still show in this page until it is closed.
  }
  useUnsavedStore.setState({ workshopId, entries });
}

/** The entries shown in the "not saved" panel, mirrored from localStorage. */
export const useUnsavedStore = create<{ workshopId: string | null; entries: UnsavedEntry[] }>(() => ({
  workshopId: null,
  entries: [],
}));

export const showUnsaved = (workshopId: string): void =>
  useUnsavedStore.setState({ workshopId, entries: loadUnsaved(workshopId) });

/** Adds entries (an item already kept is replaced by its newer text). */
export function keepUnsaved(workshopId: string, found: UnsavedEntry[]): void {
  if (found.length === 0) return;
  const ids = new Set(found.map((e) => e.id));
  store(workshopId, [...loadUnsaved(workshopId).filter((e) => !ids.has(e.id)), ...found]);
}

export function dropUnsaved(workshopId: string, id: string): void {
  store(
    workshopId,
    loadUnsaved(workshopId).filter((e) => e.id !== id),
  );
}

/** Whether any part of `item` (a struct of `length`) lies beyond what the server's state vector covers. */
const beyond = (item: Y.Item | null, sv: Map<number, number>): boolean =>
  !!item && item.id.clock + item.length > (sv.get(item.id.client) ?? 0);

function textOf(m: Y.Map<unknown>): string {
  const text = m.get('text');
  if (typeof text === 'string') return text;
  if (text instanceof Y.Text) return text.toString();
  const parts: string[] = [];
  for (const [k, v] of m.entries()) {
    if (BASE_FIELDS.has(k)) continue;
    if (typeof v === 'string' && v.trim() && !v.startsWith('data:')) parts.push(v);
    else if (v instanceof Y.Text && v.length > 0) parts.push(v.toString());
  }
  return parts.join(' · ');
}

/**
 * The items of a board-shaped document that hold changes the server does not have: created after, or with a
 * field or shared text written after, what `serverSv` covers. Deletions are not listed (nothing typed is in them).
 */
export function findUnsaved(
  doc: Y.Doc,
  serverSv: Map<number, number>,
  docName: string,
  now = Date.now(),
): UnsavedEntry[] {
  const out: UnsavedEntry[] = [];
  for (const [key, m] of itemsMap(doc).entries()) {
    if (!(m instanceof Y.Map)) continue;
    let changed = beyond(m._item, serverSv);
    for (const field of m._map.values()) {
      if (changed) break;
      if (field.deleted) continue;
      if (beyond(field, serverSv)) changed = true;
      else if (field.content instanceof Y.ContentType && field.content.type instanceof Y.Text) {
        for (let s = field.content.type._start; s && !changed; s = s.right) changed = !s.deleted && beyond(s, serverSv);
      }
    }
    if (!changed) continue;
    const text = textOf(m).trim();
    if (!text) continue;
    const kind = m.get('kind');
    const sessionId = m.get('sessionId');
    out.push({
      id: key,
      kind: typeof kind === 'string' ? kind : '?',
      text,
      sessionId: typeof sessionId === 'string' ? sessionId : null,
      doc: docName,
      at: now,
    });
  }
  return out;
}

const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));

/** Asks the server for its state vector of a document; null when it does not answer in time. */
export function serverStateVector(
  socket: Socket,
  docName: string,
  timeoutMs = 3000,
): Promise<Map<number, number> | null> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve(null);
    socket.timeout(timeoutMs).emit(EVENTS.stateVector, docName, (err: unknown, sv: string | null) => {
      resolve(err || !sv ? null : Y.decodeStateVector(fromBase64(sv)));
    });
  });
}

/**
 * Follows what the server has sent into `doc` (its sync step 2 and updates, applied with the provider as origin)
 * as a state vector: the fallback when the server cannot be asked at the moment of a refusal.
 */
export function trackServerState(
  doc: Y.Doc,
  providerOrigin: () => unknown,
): { sv: Map<number, number>; stop: () => void } {
  const sv = new Map<number, number>();
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== providerOrigin()) return;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
      if ((sv.get(client) ?? 0) < clock) sv.set(client, clock);
    }
  };
  doc.on('update', onUpdate);
  return { sv, stop: () => doc.off('update', onUpdate) };
}
