import * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether an update depends on history the server's document does not have: a gap in a client's clocks (a struct
 * starting past the server's state, or a Skip), an origin, right origin or parent that neither the document nor the
 * update itself holds, or a deletion of clocks nobody gave the server. Yjs would keep such an update pending inside
 * the document, unchecked and unstored; the server asks the client for its whole history instead (a resync,
 * docs/ARCHITECTURE.md). Works for every document kind; checked before anything is applied.
 */
export function lacksHistory(doc: Y.Doc, update: Pick<Decoded, 'structs' | 'ds'>): boolean {
  // Per client: the end of the clocks the server will have once this update is in (only if the update connects).
  const known = new Map<number, number>();
  const state = (client: number) => Y.getState(doc.store, client);
  for (const s of update.structs) {
    if (s instanceof Y.Skip) return true;
    const client = s.id.client;
    const end = known.get(client);
    if (end === undefined) {
      // The update's first struct of this client must touch what the server has.
      if (s.id.clock > state(client)) return true;
      known.set(client, Math.max(state(client), s.id.clock + s.length));
    } else {
      if (s.id.clock > end) return true;
      known.set(client, Math.max(end, s.id.clock + s.length));
    }
  }
  const has = (id: Y.ID) => id.clock < (known.get(id.client) ?? state(id.client));
  for (const s of update.structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.origin && !has(s.origin)) return true;
    if (s.rightOrigin && !has(s.rightOrigin)) return true;
    if (s.parent instanceof Y.ID && !has(s.parent)) return true;
  }
  for (const [client, ranges] of update.ds.clients) {
    const end = known.get(client) ?? state(client);
    for (const { clock, len } of ranges) if (clock + len > end) return true;
  }
  return false;
}
