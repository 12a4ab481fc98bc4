import * as Y from 'yjs';
import type { LoggedUpdate } from '../storage/Storage';

/** Who made an entry of a document map and who changed it afterwards, read from the update log. */
export interface Provenance {
  /** The actor of the update that added the entry (`participant:<id>`, `facilitator`, `researcher`, `server:…`). */
  createdBy: string;
  /** When the server stored that update (ms). */
  loggedAt: number;
  /** How many later updates changed the entry. */
  edits: number;
  lastEditedAt: number | null;
  /** Actors of those later updates, each once, in order of first edit. */
  editors: string[];
  deletedAt: number | null;
}

/**
 * Replays a document's log in order into a fresh Y.Doc and records, per key of one top-level map, which update
 * added it and which changed it later. The log is never compacted, so this sees every change ever accepted.
 */
export function provenanceOf(log: LoggedUpdate[], mapName: string): Map<string, Provenance> {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(mapName);
  const out = new Map<string, Provenance>();
  let current: LoggedUpdate | null = null;
  map.observeDeep((events) => {
    const u = current;
    if (!u) return;
    const touched = new Map<string, 'add' | 'update' | 'delete'>();
    for (const e of events) {
      if (e.target === map) for (const [key, change] of e.keys) touched.set(key, change.action);
      else if (typeof e.path[0] === 'string' && !touched.has(e.path[0])) touched.set(e.path[0], 'update');
    }
    for (const [key, action] of touched) {
      const p = out.get(key);
      if (!p) {
        out.set(key, {
          createdBy: u.actor,
          loggedAt: u.ts,
          edits: 0,
          lastEditedAt: null,
          editors: [],
          deletedAt: null,
        });
      } else if (action === 'delete') {
        p.deletedAt = u.ts;
      } else {
        p.edits++;
        p.lastEditedAt = u.ts;
        if (!p.editors.includes(u.actor)) p.editors.push(u.actor);
      }
    }
  });
  for (const u of log) {
    current = u;
    Y.applyUpdate(doc, u.data);
  }
  doc.destroy();
  return out;
}

/** The document as it was at `at` (ms): every logged update stored at or before that moment, applied in order. */
export function docAt(log: LoggedUpdate[], at: number): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const u of log) if (u.ts <= at) Y.applyUpdate(doc, u.data);
  });
  return doc;
}
