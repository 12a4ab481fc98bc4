import * as Y from 'yjs';
import type { StoredDoc } from './Storage';

/**
 * Snapshots are stored as Yjs V2 updates: about half the bytes of V1 and quicker to apply, which is what loading a
 * long workshop spends its time on. Rows written before schema v3 hold V1 and are converted when read.
 */
export const SNAPSHOT_FORMAT = { v1: 1, v2: 2 } as const;

/** A stored snapshot's bytes as a V2 update, whatever format its row was written in. */
export const snapshotAsV2 = (data: Uint8Array, format: number): Uint8Array =>
  format === SNAPSHOT_FORMAT.v2 ? data : Y.convertUpdateFormatV1ToV2(data);

/** Brings a document to its stored state: the V2 snapshot, then the V1 log entries after it, in one transaction. */
export function applyStoredDoc(doc: Y.Doc, stored: StoredDoc, origin: unknown = null): void {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot, origin);
      for (const u of stored.updates) Y.applyUpdate(doc, u.data, origin);
    },
    origin,
  );
}
