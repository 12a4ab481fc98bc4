import * as Y from 'yjs';

/** A struct either already in the server's document or arriving in the update being checked. */
export type Struct = Y.Item | Y.GC | Y.Skip;

/** Where a struct lives: under a root type, or inside the type held by another (item) struct. */
export type Location =
  | { at: 'root'; name: string; sub: string | null }
  | { at: 'nested'; parent: Y.Item; sub: string | null }
  | { at: 'dead' }
  | { at: 'missing' }
  | { at: 'invalid' };

/** The board item a struct belongs to: the item's own struct, its key, and the field of the item it is in. */
export type Owner =
  | { at: 'item'; root: string; item: Y.Item; key: string; field: string | null; depth: number }
  | { at: 'root'; name: string }
  | { at: 'dead' }
  | { at: 'missing' }
  | { at: 'invalid' };

const MAX_DEPTH = 32;

/**
 * Resolves the structs of a decoded update against the server's document the way Yjs will when it integrates
 * them: an item whose left or right origin is given inherits that neighbour's parent and key, so "which item does
 * this touch" needs both the server's store and the other structs of the same update.
 */
export class StructIndex {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly incoming = new Set<Struct>();
  private readonly located = new Map<Struct, Location>();

  constructor(
    readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    for (const s of structs) {
      this.incoming.add(s);
      let list = this.byClient.get(s.id.client);
      if (!list) this.byClient.set(s.id.client, (list = []));
      list.push(s);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  isIncoming(s: Struct): boolean {
    return this.incoming.has(s);
  }

  /** The server's next clock for a client. */
  serverState(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** The first and end clock the update carries for a client. */
  incomingRange(client: number): [number, number] | null {
    const list = this.byClient.get(client);
    const first = list?.[0];
    const last = list?.at(-1);
    return first && last ? [first.id.clock, last.id.clock + last.length] : null;
  }

  /** The struct holding an id, in the server's document or in the update. */
  find(id: Y.ID): Struct | null {
    const list = this.doc.store.clients.get(id.client);
    if (list && id.clock < this.serverState(id.client)) return list[Y.findIndexSS(list, id.clock)] ?? null;
    const inc = this.byClient.get(id.client);
    if (!inc) return null;
    let lo = 0;
    let hi = inc.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = inc[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }

  /** Where a struct lives; memoised, and iterative over origin chains so long typing runs cannot overflow the stack. */
  locate(start: Struct): Location {
    const chain: Struct[] = [];
    let s: Struct = start;
    let result: Location | null = null;
    while (!result) {
      const known = this.located.get(s);
      if (known) {
        result = known;
        break;
      }
      if (s instanceof Y.GC) result = { at: 'dead' };
      else if (s instanceof Y.Skip) result = { at: 'missing' };
      else if (!this.incoming.has(s)) result = serverLocation(s);
      else if (typeof s.parent === 'string') result = { at: 'root', name: s.parent, sub: s.parentSub };
      else if (s.parent instanceof Y.ID) {
        const p = this.find(s.parent);
        if (!p || p instanceof Y.Skip) result = { at: 'missing' };
        else if (p instanceof Y.GC) result = { at: 'dead' };
        else if (!(p.content instanceof Y.ContentType)) result = { at: 'invalid' };
        else result = { at: 'nested', parent: p, sub: s.parentSub };
      } else {
        const left: Struct | null = s.origin ? this.find(s.origin) : null;
        const right: Struct | null = s.rightOrigin ? this.find(s.rightOrigin) : null;
        if ((s.origin && !left) || (s.rightOrigin && !right)) result = { at: 'missing' };
        else if (left instanceof Y.GC || right instanceof Y.GC) result = { at: 'dead' };
        else if (!left && !right) result = { at: 'invalid' };
        else {
          // Same parent and key as the neighbour: keep walking.
          chain.push(s);
          s = (left ?? right) as Struct;
          continue;
        }
      }
      chain.push(s);
    }
    for (const c of chain) this.located.set(c, result);
    return result;
  }

  /** The board item (a struct directly under a root map, at a key) a struct belongs to, and the field it is in. */
  ownerOf(s: Struct): Owner {
    let cur: Struct = s;
    let field: string | null = null;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const loc = this.locate(cur);
      if (loc.at === 'dead' || loc.at === 'missing' || loc.at === 'invalid') return loc;
      if (loc.at === 'root') {
        if (loc.sub === null || !(cur instanceof Y.Item)) return { at: 'root', name: loc.name };
        return { at: 'item', root: loc.name, item: cur, key: loc.sub, field, depth };
      }
      field = loc.sub;
      cur = loc.parent;
    }
    return { at: 'invalid' };
  }

  /** The struct whose type directly contains this one (null under a root). */
  container(s: Struct): Y.Item | null {
    const loc = this.locate(s);
    return loc.at === 'nested' ? loc.parent : null;
  }
}

function serverLocation(item: Y.Item): Location {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return { at: 'dead' };
  if (parent._item === null) return { at: 'root', name: Y.findRootTypeKey(parent), sub: item.parentSub };
  return { at: 'nested', parent: parent._item, sub: item.parentSub };
}
