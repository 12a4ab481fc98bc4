import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CONTROL, readParticipants, type ParticipantInfo } from '../../shared/controlDoc';
import { RESEARCHERS_KEY } from '../../shared/exercises/dayTwo/workspace';
import { MESSAGE } from '../sync/messages';
import { pseudonyms } from './model';
import { nameScrubber } from './names';

/**
 * Rewrites the values (`ContentAny`, `ContentJSON`) of a Yjs update (V1) with `f`, keeping everything Yjs merges by:
 * every struct's id, origins, parent, key and length, and the delete set. A client that applies the result holds
 * the same CRDT as the server with other values, so later updates, deletions and its own resends still line up.
 */
export function mapUpdateValues(update: Uint8Array, f: (item: Y.Item, value: unknown) => unknown): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const enc = new Y.UpdateEncoderV1();
  // The layout of Yjs' own writeClientsStructs / writeDeleteSet (V1: every number a varuint in restEncoder).
  encoding.writeVarUint(enc.restEncoder, byClient.size);
  for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(enc.restEncoder, list.length);
    enc.writeClient(client);
    encoding.writeVarUint(enc.restEncoder, list[0]?.id.clock ?? 0);
    for (const s of list) {
      if (s instanceof Y.Item) {
        const c = s.content as { arr?: unknown[] };
        if ((s.content instanceof Y.ContentAny || s.content instanceof Y.ContentJSON) && Array.isArray(c.arr)) {
          c.arr = c.arr.map((v) => f(s, v));
        }
      }
      s.write(enc, 0);
    }
  }
  encoding.writeVarUint(enc.restEncoder, ds.clients.size);
  for (const [client, ranges] of [...ds.clients].sort((a, b) => b[0] - a[0])) {
    enc.resetDsCurVal();
    encoding.writeVarUint(enc.restEncoder, client);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const r of ranges) {
      enc.writeDsClock(r.clock);
      enc.writeDsLen(r.len);
    }
  }
  return enc.toUint8Array();
}

/**
 * Every string in a plain value passed through `f`, however deep; except the researcher assignments of an exercise
 * state (`researchers`: cooperation → the researcher's own name, which their console matches against the name they
 * typed, and which may share a word with a participant's name).
 */
function deepStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => deepStrings(v, f));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === RESEARCHERS_KEY ? v : deepStrings(v, f)]),
    );
  }
  return value;
}

/** Per document, its participants' pseudonyms and name scrubber: built once, rebuilt when `participants` changes. */
const namesCache = new WeakMap<Y.Doc, { alias: Map<string, string>; scrub: (s: string) => string } | null>();

function namesOf(doc: Y.Doc, participantsMap: Y.Map<ParticipantInfo>) {
  let cached = namesCache.get(doc);
  if (cached === undefined) participantsMap.observe(() => namesCache.set(doc, null));
  if (!cached) {
    const people = readParticipants(doc);
    const alias = pseudonyms(people, []).participant;
    cached = { alias, scrub: nameScrubber(people, alias) };
    namesCache.set(doc, cached);
  }
  return cached;
}

/**
 * The control document as a researcher receives it: the same document, but every participant's `name` is their
 * pseudonym (P03) and every participant's name, in any form, is replaced by their pseudonym in the other values
 * (exercise state). The facilitator, the phones and the screen keep the real names. Returns the rewrite of one
 * outgoing y-websocket message; only sync step 2 and update messages carry values, the rest pass unchanged.
 */
export function pseudonymisedControl(doc: Y.Doc): (message: Uint8Array) => Uint8Array {
  const participantsMap = doc.getMap<ParticipantInfo>(CONTROL.participants);
  const names = () => namesOf(doc, participantsMap);
  const rewrite = (update: Uint8Array): Uint8Array => {
    const { alias, scrub } = names();
    return mapUpdateValues(update, (item, value) => {
      let parent: unknown = null;
      try {
        parent = Y.getItem(doc.store, item.id).parent;
      } catch {
        // A struct the server's document does not hold (never the case for what it sends): treat as any value.
      }
      if (parent === participantsMap && value && typeof value === 'object') {
        const p = value as ParticipantInfo;
        return { ...p, name: alias.get(p.id) ?? p.pseudonym ?? 'P?' };
      }
      return deepStrings(value, scrub);
    });
  };
  return (message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) return message;
    const type = decoding.readVarUint(decoder);
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return message;
    const update = decoding.readVarUint8Array(decoder);
    const out = encoding.createEncoder();
    encoding.writeVarUint(out, MESSAGE.sync);
    encoding.writeVarUint(out, type);
    encoding.writeVarUint8Array(out, rewrite(update));
    return encoding.toUint8Array(out);
  };
}
