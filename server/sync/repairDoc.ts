import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { readParticipants } from '../../shared/controlDoc';
import { applyStoredDoc } from '../storage/snapshotFormat';
import type { LoggedUpdate, Storage } from '../storage/Storage';

/** What a repair found and did for one document. */
export interface RepairReport {
  doc: string;
  /** Client ids whose structs were removed (nothing of them was alive or referenced). */
  removedClients: number;
  stateVectorBytes: { before: number; after: number };
  entries: { before: number; after: number };
}

/** A state vector as an update's filter: every struct of these clients is below it. */
function vectorOf(clients: Map<number, number>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.size);
  for (const [client, clock] of clients) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
  }
  return encoding.toUint8Array(e);
}

const contentOf = (doc: Y.Doc): string =>
  JSON.stringify([...doc.share.keys()].sort().map((k) => [k, doc.share.get(k)!.toJSON() as unknown]));

/**
 * Rewrites a poisoned document's log without the junk: client ids whose structs are all garbage-collected (nothing of
 * theirs is alive) and that no struct of any log entry refers to (as origin or parent). Every entry keeps its seq, ts
 * and actor, minus those structs; entries left empty go. The result is checked before anything is written: the same
 * content and nothing pending. Run with the server stopped (or the workshop unloaded).
 */
export async function repairDoc(storage: Storage, name: string): Promise<RepairReport> {
  const stored = await storage.loadDoc(name);
  const doc = new Y.Doc();
  applyStoredDoc(doc, stored);
  const before = contentOf(doc);
  const svBefore = Y.encodeStateVector(doc).length;
  const log: LoggedUpdate[] = await storage.readLog(name);

  // Candidates: clients with nothing alive in the document.
  const dead = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) {
    if (client === doc.clientID) continue;
    if (structs.every((s) => s instanceof Y.GC)) dead.set(client, Y.getState(doc.store, client));
  }
  // Kept: any client some struct of another client refers to, in the document or in any log entry.
  const refers = (s: Y.Item) => [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null];
  const keepReferenced = (structs: Iterable<Y.Item | Y.GC | Y.Skip>) => {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      for (const id of refers(s)) if (id && id.client !== s.id.client) dead.delete(id.client);
    }
  };
  for (const structs of doc.store.clients.values()) keepReferenced(structs);
  for (const entry of log) keepReferenced(Y.decodeUpdate(entry.data).structs);
  const report: RepairReport = {
    doc: name,
    removedClients: dead.size,
    stateVectorBytes: { before: svBefore, after: svBefore },
    entries: { before: log.length, after: log.length },
  };
  if (dead.size === 0) return report;

  const filter = vectorOf(dead);
  const entries: LoggedUpdate[] = [];
  for (const entry of log) {
    const data = Y.diffUpdate(entry.data, filter);
    const d = Y.decodeUpdate(data);
    for (const c of dead.keys()) d.ds.clients.delete(c);
    if (d.structs.length === 0 && d.ds.clients.size === 0) continue;
    entries.push({ ...entry, data });
  }
  // The snapshot may cover entries that are no longer in the log: start from the cleaned whole state instead.
  const clean = new Y.Doc();
  Y.applyUpdate(clean, Y.diffUpdate(Y.encodeStateAsUpdate(doc), filter));
  const replay = new Y.Doc();
  for (const e of entries) Y.applyUpdate(replay, e.data);
  if (clean.store.pendingStructs || replay.store.pendingStructs || replay.store.pendingDs) {
    throw new Error(`${name}: the repaired document would have pending changes; nothing written`);
  }
  if (contentOf(clean) !== before || (entries.length > 0 && contentOf(replay) !== before && !stored.snapshot)) {
    throw new Error(`${name}: the repaired document's content differs; nothing written`);
  }
  const last = log.at(-1);
  // The last entry stays in place (or an empty one takes its seq), so the snapshot covers the whole log.
  if (last && entries.at(-1)?.seq !== last.seq) {
    entries.push({ seq: last.seq, ts: last.ts, actor: 'server:repair', data: Y.encodeStateAsUpdate(new Y.Doc()) });
  }
  await storage.replaceLog(name, entries, Y.encodeStateAsUpdateV2(clean));
  report.stateVectorBytes.after = Y.encodeStateVector(clean).length;
  report.entries.after = entries.length;
  return report;
}

/** Repairs every document of a workshop: board, research, control and each participant's own document. */
export async function repairWorkshop(storage: Storage, workshopId: string): Promise<RepairReport[]> {
  const control = new Y.Doc();
  applyStoredDoc(control, await storage.loadDoc(`${workshopId}/control`));
  const names = ['board', 'research', 'control', ...readParticipants(control).map((p) => `own/${p.id}`)];
  const reports: RepairReport[] = [];
  for (const n of names) reports.push(await repairDoc(storage, `${workshopId}/${n}`));
  return reports;
}
