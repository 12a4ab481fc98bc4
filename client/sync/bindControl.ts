import type * as Y from 'yjs';
import {
  CONTROL,
  readGroups,
  readMeta,
  readParticipants,
  readProgramme,
  readState,
  readExerciseStates,
  type ControlSnapshot,
} from '../../shared/controlDoc';
import { useControlStore } from '../store/controlStore';

type Part = keyof ControlSnapshot;

const READERS: { [K in Part]: (doc: Y.Doc) => ControlSnapshot[K] } = {
  meta: readMeta,
  programme: readProgramme,
  state: readState,
  groups: readGroups,
  participants: readParticipants,
  exercises: readExerciseStates,
};

/**
 * Mirrors the control document into the control store: each transaction re-reads only the top-level parts it
 * touched, and the store is set once per transaction. Returns the cleanup.
 */
export function bindControl(doc: Y.Doc): () => void {
  const parts: Array<[Part, Y.Map<unknown> | Y.Array<unknown>]> = [
    ['meta', doc.getMap(CONTROL.meta)],
    ['programme', doc.getArray(CONTROL.programme)],
    ['state', doc.getMap(CONTROL.state)],
    ['groups', doc.getMap(CONTROL.groups)],
    ['participants', doc.getMap(CONTROL.participants)],
    ['exercises', doc.getMap(CONTROL.exercises)],
  ];
  const dirty = new Set<Part>();
  const observers = parts.map(([part, type]) => {
    const fn = () => dirty.add(part);
    type.observeDeep(fn);
    return () => type.unobserveDeep(fn);
  });

  const flush = () => {
    if (dirty.size === 0) return;
    const patch: Partial<ControlSnapshot> = {};
    for (const part of dirty) (patch as Record<Part, unknown>)[part] = READERS[part](doc);
    dirty.clear();
    useControlStore.setState({ ...patch, loaded: true });
  };
  doc.on('afterTransaction', flush);

  // The doc may already hold state (e.g. a reconnect); mirror it all once.
  for (const [part] of parts) dirty.add(part);
  flush();
  useControlStore.setState({ loaded: readMeta(doc) !== null });

  return () => {
    observers.forEach((off) => off());
    doc.off('afterTransaction', flush);
  };
}
