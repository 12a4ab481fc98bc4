import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { itemsMap } from '../shared/boardDoc';
import { CONTROL, deleteParticipant, readMeta, readState, setMeta, setState } from '../shared/controlDoc';
import { RESEARCH, type Observation } from '../shared/research/researchDoc';
import { WS_CLOSE } from '../shared/protocol';
import type { Connections } from './connections';
import type { LoggedUpdate, Storage } from './storage/Storage';
import type { DocHub } from './sync/DocHub';
import { serverOrigin } from './sync/origins';

/** Removes one participant from a document's state; runs on a copy, never on a live document. */
type Redactor = (doc: Y.Doc, participantId: string) => void;

const REDACT: Record<'board' | 'research' | 'control', Redactor> = {
  board: (doc, pid) => {
    const items = itemsMap(doc);
    for (const [id, m] of [...items.entries()]) if (m.get('authorId') === pid) items.delete(id);
  },
  research: (doc, pid) => {
    // Observations are the researchers' notes: they stay, minus this speaker.
    const obs = doc.getMap<Observation>(RESEARCH.observations);
    for (const [id, o] of [...obs.entries()]) {
      if (o.speakers.includes(pid)) obs.set(id, { ...o, speakers: o.speakers.filter((s) => s !== pid) });
    }
  },
  control: (doc, pid) => {
    if (doc.getMap(CONTROL.participants).has(pid)) deleteParticipant(doc, pid);
    const ready = readState(doc)?.ready;
    if (ready?.includes(pid)) setState(doc, { ready: ready.filter((r) => r !== pid) });
  },
};

/**
 * Rewrites a log so that no entry holds what `redact` removes: the log is replayed entry by entry, each state is
 * copied (gc on) and redacted, and each entry becomes the diff between consecutive redacted states. Every entry
 * keeps its seq, ts and actor (the erased person's own entries become `erased`), so replay and provenance for
 * everyone else survive.
 */
export function redactLog(
  log: LoggedUpdate[],
  redact: (doc: Y.Doc) => void,
  erasedActor: string,
): { entries: LoggedUpdate[]; state: Uint8Array } {
  // `state` is the redacted document as a V2 update: what snapshots hold.
  const source = new Y.Doc();
  let vector: Uint8Array = new Uint8Array([0]);
  let state = Y.encodeStateAsUpdateV2(new Y.Doc());
  const entries: LoggedUpdate[] = [];
  for (const u of log) {
    Y.applyUpdate(source, u.data);
    const copy = new Y.Doc({ gc: true });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    copy.transact(() => redact(copy));
    entries.push({
      ...u,
      actor: u.actor === erasedActor ? 'erased' : u.actor,
      data: Y.encodeStateAsUpdate(copy, vector),
    });
    vector = Y.encodeStateVector(copy);
    state = Y.encodeStateAsUpdateV2(copy);
    copy.destroy();
  }
  source.destroy();
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
  for (const kind of ['board', 'research', 'control'] as const) {
    const name = `${workshopId}/${kind}`;
    connections.closeConnections((c) => c.channel === `yjs:${name}`, 1012, 'document rewritten');
    const live = await hub.get(name);
    await live.idle();
    hub.release(live);
    const log = await storage.readLog(name);
    const { entries, state } = redactLog(log, (d) => REDACT[kind](d, participantId), actor);
    await storage.replaceLog(name, entries, entries.length ? state : null);
    await hub.evict(name);
  }
  const own = `${workshopId}/own/${participantId}`;
  connections.closeConnections((c) => c.channel === `yjs:${own}`, 1012, 'document erased');
  await hub.evict(own);
  await storage.replaceLog(own, [], null);
  if (opts.dataDir) await eraseUploads(opts.dataDir, workshopId, participantId);
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

/** Deletes the photos a participant uploaded: each upload's `<id>.json` names who sent it (vision uploads). */
async function eraseUploads(dataDir: string, workshopId: string, participantId: string): Promise<void> {
  const dir = path.join(dataDir, 'uploads', workshopId.replace(/[^A-Za-z0-9_-]/g, ''));
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const meta = await readFile(path.join(dir, name), 'utf8').catch(() => '{}');
    if ((JSON.parse(meta) as { by?: string }).by !== participantId) continue;
    await rm(path.join(dir, name.slice(0, -'.json'.length)), { force: true });
    await rm(path.join(dir, name), { force: true });
  }
}
