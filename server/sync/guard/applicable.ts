import * as Y from 'yjs';
import type { Struct } from './structIndex';

/**
 * Whether an update needs changes the server's document does not have: a `Skip`, a gap in a client's clocks (its
 * first struct starts after the server's state, or two of its structs leave a hole), an origin or parent that is in
 * neither the document nor the update, or a deletion of clocks nobody has. Yjs would keep such an update pending,
 * unchecked, and apply it later when filler arrives; instead the update is not applied and the connection asks the
 * client for the history it lacks (YjsConnection.askResync).
 * Runs for every document kind, before any other check.
 */
export function missingDependencies(
  doc: Y.Doc,
  decoded: { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } },
): boolean {
  // The clock each client reaches once the update is applied (only contiguous runs count).
  const reach = new Map<number, number>();
  const state = (client: number) => Y.getState(doc.store, client);
  const byClient = new Map<number, Struct[]>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) return true;
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    let next = state(client);
    for (const s of list) {
      if (s.id.clock > next) return true;
      next = Math.max(next, s.id.clock + s.length);
    }
    reach.set(client, next);
  }
  const has = (id: Y.ID | null): boolean => {
    if (id === null) return true;
    return id.clock < (reach.get(id.client) ?? state(id.client));
  };
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    // Structs the server already has are skipped by Yjs; their references do not matter.
    if (s.id.clock + s.length <= state(s.id.client)) continue;
    if (!has(s.origin) || !has(s.rightOrigin)) return true;
    if (s.parent instanceof Y.ID && !has(s.parent)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const end = reach.get(client) ?? state(client);
    for (const { clock, len } of ranges) if (clock + len > end) return true;
  }
  return false;
}
