import { ERROR_CODES } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { AppError } from '../errors';

/** A write or a load for a workshop that was deleted (its tombstone is in storage); answered as "not found". */
export class WorkshopDeleted extends AppError {
  constructor(readonly workshopId: string) {
    super(ERROR_CODES.notFound, 'workshop deleted');
  }
}

/** The workshop a document belongs to (`<workshop>/<doc>`). */
export const workshopOfDoc = (doc: string): string => doc.slice(0, Math.max(0, doc.indexOf('/')));

/** One workshop's row: its secrets live here, never in a Yjs document. */
export interface WorkshopRecord {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  tokens: { facilitator: string; screen: string; researcher: string };
}

export interface TokenRecord {
  workshopId: string;
  role: Role;
  participantId?: string;
}

/** One accepted Yjs update as the log keeps it. */
export interface LoggedUpdate {
  seq: number;
  ts: number;
  actor: string;
  data: Uint8Array;
}

/** What loading a document needs: the newest snapshot and every update after it. */
export interface StoredDoc {
  /** A Yjs V2 update (server/storage/snapshotFormat.ts); the log's updates are V1, as clients send them. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: LoggedUpdate[];
}

/**
 * Storage behind the server: an append-only log of every accepted update per document, snapshots for fast loading,
 * and the workshops' secrets. Async so that a PostgreSQL adapter fits behind the same calls.
 */
export interface Storage {
  /** Appends one update; rejects with `WorkshopDeleted` when the document's workshop has a tombstone. */
  appendUpdate(doc: string, data: Uint8Array, actor: string, ts: number): Promise<number>;
  loadDoc(doc: string): Promise<StoredDoc>;
  /** The full log of a document from `afterSeq` on, for replay and provenance. */
  readLog(doc: string, afterSeq?: number): Promise<LoggedUpdate[]>;
  /** Stores `state` (a Yjs V2 update of the whole document) as covering the log up to `upToSeq`. */
  saveSnapshot(doc: string, state: Uint8Array, upToSeq: number): Promise<void>;

  createWorkshop(w: WorkshopRecord): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | null>;
  findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | null>;
  /** Every workshop, newest first (for the organiser, who lost a console link). */
  listWorkshops(): Promise<WorkshopRecord[]>;
  /** The title the organiser's list shows, after the facilitator renamed the workshop (`workshop.update`). */
  setWorkshopTitle(id: string, title: string): Promise<void>;

  /** Stores a token (hashed) for a principal. */
  addToken(token: string, rec: TokenRecord): Promise<void>;
  findToken(token: string): Promise<TokenRecord | null>;

  /**
   * Records that a Yjs client id writes for `owner` in a document, unless it already does for someone; returns the
   * owner on record, so a client id claimed by one person is refused to everyone else.
   */
  claimClient(doc: string, clientId: number, owner: string): Promise<string>;
  /** Every client id claimed in a document, with its owner (read once when the document is first written to). */
  loadClaims(doc: string): Promise<Map<number, string>>;
  /** Replaces a workshop's staff tokens for the given roles; the old ones stop working. */
  rotateStaffTokens(workshopId: string, tokens: Partial<WorkshopRecord['tokens']>): Promise<void>;
  /** Revokes every token of one participant (a lost phone); returns how many there were. */
  revokeParticipant(workshopId: string, participantId: string): Promise<number>;
  /**
   * Two participants are one person (server/participants/merge.ts): in one transaction, every token of `from` now
   * authenticates as `into`, and the client ids `from` claimed in `docs` are claimed for `into`.
   */
  mergeParticipant(workshopId: string, from: string, into: string, docs: string[]): Promise<void>;

  /**
   * Replaces a document's whole log (same seqs, rewritten data) and its snapshot in one transaction, leaving no copy
   * of the old bytes behind; entries logged after the last rewritten seq stay; an empty list deletes the document.
   * The snapshot is a Yjs V2 update, as in saveSnapshot.
   */
  replaceLog(doc: string, entries: LoggedUpdate[], snapshot: Uint8Array | null): Promise<void>;
  /**
   * Deletes a workshop and everything stored for it (logs, snapshots, claims, tokens, its row) and leaves a tombstone:
   * from then on no instance stores anything for it again (appends, snapshots and claims are refused).
   */
  deleteWorkshop(workshopId: string): Promise<void>;
  /** Whether the workshop was deleted (has a tombstone); the instance holding its lease checks before serving it. */
  isWorkshopDeleted(workshopId: string): Promise<boolean>;

  close(): Promise<void>;
}
