import * as Y from 'yjs';
import { itemsMap } from '../shared/boardDoc';
import {
  CONTROL,
  deleteParticipant,
  readMeta,
  readParticipant,
  readParticipants,
  readState,
  setMeta,
  setState,
} from '../shared/controlDoc';
import { pseudonyms } from './export/model';
import { assignResearchers } from './export/record';
import { foldedReplacer, nameForms } from './export/names';
import { RESEARCH, type Observation } from '../shared/research/researchDoc';
import { WS_CLOSE } from '../shared/protocol';
import type { Connections } from './connections';
import type { LoggedUpdate, Storage } from './storage/Storage';
import type { DocHub } from './sync/DocHub';
import { uploadStoreFor } from './uploads/store';
import { serverOrigin } from './sync/origins';

/** What a redaction removes: one participant, and their name in every form, from every free text. */
interface Erased {
  participantId: string;
  /** Replaces their name (every form: as typed, NFC/NFD, any case, without diacritics) and their id in a text. */
  scrub: (s: string) => string;
}

/** Removes one participant from a document's state; runs on the rewrite's own document, never on a live one. */
type Redactor = (doc: Y.Doc, erased: Erased) => void;

/** Placeholder for an erased person's id where it stood inside someone else's text. */
export const ERASED_MARK = '[verwijderd]';

/**
 * Removes a participant from any plain value: their id as an array element or an object key goes (their vote, their
 * pick), their id or name inside a text is replaced. Returns the same object when nothing changed.
 */
function scrubValue(value: unknown, e: Erased): unknown {
  if (typeof value === 'string') return value === e.participantId ? ERASED_MARK : e.scrub(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out: unknown[] = [];
    for (const v of value) {
      if (v === e.participantId) {
        changed = true;
        continue;
      }
      const s = scrubValue(v, e);
      if (s !== v) changed = true;
      out.push(s);
    }
    return changed ? out : value;
  }
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === e.participantId) {
        changed = true;
        continue;
      }
      const key = e.scrub(k);
      const s = scrubValue(v, e);
      if (s !== v || key !== k) changed = true;
      out[key] = s;
    }
    return changed ? out : value;
  }
  return value;
}

/** Scrubs every entry of a Y.Map in place: plain values are replaced only when they change, Y.Text edited. */
function scrubMap(m: Y.Map<unknown>, e: Erased): void {
  for (const [k, v] of [...m.entries()]) {
    if (v instanceof Y.Text) {
      const before = v.toString();
      const after = e.scrub(before);
      if (after !== before) {
        v.delete(0, v.length);
        v.insert(0, after);
      }
    } else if (v instanceof Y.Map) {
      scrubMap(v as Y.Map<unknown>, e);
    } else if (!(v instanceof Y.AbstractType)) {
      const after = scrubValue(v, e);
      if (after !== v) m.set(k, after);
    }
  }
}

const REDACT: Record<'board' | 'research' | 'control', Redactor> = {
  board: (doc, e) => {
    const items = itemsMap(doc);
    for (const [id, m] of [...items.entries()]) {
      if (m.get('authorId') === e.participantId) items.delete(id);
      else scrubMap(m, e);
    }
  },
  research: (doc, e) => {
    // Observations are the researchers' notes: they stay, minus this speaker; words quoted from them go.
    const obs = doc.getMap<Observation>(RESEARCH.observations);
    for (const [id, o] of [...obs.entries()]) {
      if (o.speakers.includes(e.participantId) && o.quote) {
        obs.delete(id);
        continue;
      }
      // The researcher's own name is their key to their stored pseudonym: it is not a participant's text.
      const next = {
        ...(scrubValue({ ...o, speakers: o.speakers.filter((s) => s !== e.participantId) }, e) as Observation),
        researcherName: o.researcherName,
      };
      if (next.speakers.length !== o.speakers.length || JSON.stringify(next) !== JSON.stringify(o)) obs.set(id, next);
    }
  },
  control: (doc, e) => {
    if (doc.getMap(CONTROL.participants).has(e.participantId)) deleteParticipant(doc, e.participantId);
    const ready = readState(doc)?.ready;
    if (ready?.includes(e.participantId)) setState(doc, { ready: ready.filter((r) => r !== e.participantId) });
    scrubMap(doc.getMap(CONTROL.exercises), e);
  },
};

/**
 * Rewrites a log so that no entry holds what `redact` removes: the log is applied entry by entry to one document
 * (gc on), which is redacted after each entry; each entry becomes the diff that entry and its redaction made. The
 * redaction writes as one client id that is not in the log, so a value is scrubbed once, in the entry that brought
 * it: provenance sees no invented edits. Every entry keeps its seq, ts and actor (the erased person's own entries
 * become `erased`), so replay and provenance for everyone else survive.
 */
export function redactLog(
  log: LoggedUpdate[],
  redact: (doc: Y.Doc) => void,
  erasedActor: string,
): { entries: LoggedUpdate[]; state: Uint8Array } {
  const clients = new Set<number>();
  for (const u of log)
    for (const c of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(u.data)).keys()) clients.add(c);
  const doc = new Y.Doc({ gc: true });
  while (clients.has(doc.clientID)) doc.clientID = Math.floor(Math.random() * 2 ** 31);
  let vector = Y.encodeStateVector(doc);
  const entries: LoggedUpdate[] = [];
  for (const u of log) {
    Y.applyUpdate(doc, u.data);
    doc.transact(() => redact(doc));
    entries.push({
      ...u,
      actor: u.actor === erasedActor ? 'erased' : u.actor,
      data: Y.encodeStateAsUpdate(doc, vector),
    });
    vector = Y.encodeStateVector(doc);
  }
  // `state` is the redacted document as a V2 update: what snapshots hold.
  const state = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return { entries, state };
}

/**
 * Erases a participant (docs/SECURITY.md, "Consent and erasure"): revokes their tokens and closes their connections,
 * rewrites the board, research and control logs without them, deletes their own document, reloads the live
 * documents (clients resync after close 1012) and records only that an erasure happened and when.
 */
export async function eraseParticipant(
  opts: { storage: Storage; hub: DocHub; connections: Connections; dataDir?: string },
  workshopId: string,
  participantId: string,
): Promise<void> {
  const { storage, hub, connections } = opts;
  await storage.revokeParticipant(workshopId, participantId);
  connections.closeWhere(
    (p) => p.workshopId === workshopId && p.participantId === participantId,
    WS_CLOSE.unauthorised,
    'erased',
  );
  const actor = `participant:${participantId}`;
  // Researchers keep their pseudonyms: stored before anything of theirs is rewritten or removed.
  await assignResearchers(hub, workshopId);
  const erased = await erasedPerson(hub, workshopId, participantId);
  for (const kind of ['board', 'research', 'control'] as const) {
    const name = `${workshopId}/${kind}`;
    connections.closeConnections((c) => c.channel === `yjs:${name}`, 1012, 'document rewritten');
    const live = await hub.get(name);
    await live.idle();
    hub.release(live);
    const log = await storage.readLog(name);
    const { entries, state } = redactLog(log, (d) => REDACT[kind](d, erased), actor);
    await storage.replaceLog(name, entries, entries.length ? state : null);
    await hub.evict(name);
  }
  const own = `${workshopId}/own/${participantId}`;
  connections.closeConnections((c) => c.channel === `yjs:${own}`, 1012, 'document erased');
  await hub.evict(own);
  await storage.replaceLog(own, [], null);
  // The photos they sent (files in DATA_DIR, or rows in PostgreSQL: server/uploads/store.ts).
  if (opts.dataDir) await uploadStoreFor(opts.storage, opts.dataDir).eraseBy(workshopId, participantId);
  const control = await hub.get(`${workshopId}/control`);
  try {
    const erasures = readMeta(control.doc)?.erasures ?? [];
    Y.transact(
      control.doc,
      () => setMeta(control.doc, { erasures: [...erasures, { at: Date.now() }] }),
      serverOrigin('erase'),
    );
    await control.idle();
  } finally {
    hub.release(control);
  }
}

/**
 * The erased person as redaction sees them: their name in every form is replaced by their stable pseudonym (the
 * one every export already used for them), their id by "[verwijderd]".
 */
async function erasedPerson(hub: DocHub, workshopId: string, participantId: string): Promise<Erased> {
  const control = await hub.get(`${workshopId}/control`);
  try {
    const p = readParticipant(control.doc, participantId);
    const alias = pseudonyms(readParticipants(control.doc), []).participant.get(participantId) ?? ERASED_MARK;
    const names = foldedReplacer((p ? nameForms(p.name) : []).map((f) => [f, alias] as [string, string]));
    return { participantId, scrub: (s) => names(s.split(participantId).join(ERASED_MARK)) };
  } finally {
    hub.release(control);
  }
}
