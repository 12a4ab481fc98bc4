import * as Y from 'yjs';

/* Updates that repeat what the server's document already has (docs/SECURITY.md, "Read-only documents"). */

/**
 * True when an update a read-only client sent carries nothing the server's document lacks: every struct is already
 * there (`Y.diffUpdate` against the server's state vector leaves none) and every deletion deletes what is already
 * deleted. Such an update is a client repeating what it loaded (from IndexedDB, a sync step 2), not a write.
 */
export function carriesNothingNew(doc: Y.Doc, update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  if (decoded.structs.length > 0) {
    const fresh = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
    if (fresh.structs.length > 0) return false;
  }
  if (decoded.ds.clients.size === 0) return true;
  // Deleted ranges of the server's document, sorted and merged per client: one covering range per incoming range.
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!have.some((d) => d.clock <= clock && d.clock + d.len >= clock + len)) return false;
    }
  }
  return true;
}

/**
 * Drops from an update the structs the server's document already has (`Y.diffUpdate` against its state vector;
 * deletions are kept). Yjs would skip them anyway, but the guard would check them: a phone re-sending its IndexedDB
 * copy carries structs others wrote, the server's own among them, and must not be refused for repeating them.
 * Returns the update unchanged (no copy) when it holds nothing old.
 */
export function withoutKnownStructs(
  doc: Y.Doc,
  update: Uint8Array,
  decoded: ReturnType<typeof Y.decodeUpdate>,
): { update: Uint8Array; decoded: ReturnType<typeof Y.decodeUpdate> } {
  const stale = decoded.structs.some((s) => s.id.clock < Y.getState(doc.store, s.id.client));
  if (!stale) return { update, decoded };
  const fresh = Y.diffUpdate(update, Y.encodeStateVector(doc));
  return { update: fresh, decoded: Y.decodeUpdate(fresh) };
}
