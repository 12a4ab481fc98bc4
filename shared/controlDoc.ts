import type { ScreenTurn } from './screenPaging';
import * as Y from 'yjs';
import type { LocalisedText, Session, Side } from './programme';
import { idleTimer, type TimerState } from './timer';

/** Shared names inside the control document. Written only by the server (DESIGN.md §3). */
export const CONTROL = {
  meta: 'meta',
  programme: 'programme',
  state: 'state',
  groups: 'groups',
  participants: 'participants',
  exercises: 'exercises',
} as const;

export interface WorkshopMeta {
  title: string;
  joinCode: string;
  joinOpen: boolean;
  consentText: LocalisedText;
  source: string;
  createdAt: number;
  /** 1 at creation, +1 whenever the consent text changes; participants record the version they agreed to. */
  consentVersion?: number;
  /** Only that an erasure happened and when: no id, no name (docs/SECURITY.md). */
  erasures?: Array<{ at: number }>;
  /** How many participant pseudonyms were handed out: P01, P02…; never lowered, so an erasure renumbers no one. */
  pseudonymsIssued?: number;
  /** The IANA time zone the workshop is held in: transcripts show times on its clock (default Europe/Amsterdam). */
  timeZone?: string;
}

export interface Group {
  id: string;
  name: string;
  order: number;
}

export interface ParticipantInfo {
  id: string;
  name: string;
  groupId: string;
  side: Side;
  joinedAt: number;
  /** When they agreed to the consent text at join, and which version of it. */
  consentAt?: number;
  consentVersion?: number;
  /** P01, P02…: assigned once at join, never reused (exports use it; docs/export.md). */
  pseudonym?: string;
}

export interface AgendaState {
  currentSessionId: string;
  phase: string;
  timer: TimerState;
  locked: boolean;
  spotlightItemId: string | null;
  /** Participants who tapped "klaar" in this phase; cleared at every phase and session change. */
  ready?: string[];
  /** While true, participants write into their own document until the facilitator reveals. */
  privateWriting?: boolean;
  /** The screen plays a soft tone when the timer runs out. */
  timerSound?: boolean;
  /** The dot vote open in this session, if any. */
  voting?: VotingConfig | null;
  /** The screen: +1/-1 per "next/previous page" the facilitator pressed (the screen moves by the change). */
  screenNudge?: number;
  /** The screen's automatic page rotation is paused. */
  screenPaused?: boolean;
  /** The screen's page turns (shared/screenPaging.ts): reset at every session and phase change. */
  screenTurn?: ScreenTurn;
  /** The cooperation (group id) or card the screen shows alone, filling it; cleared at every session change. */
  screenFocusId?: string | null;
  /** The join panel: large, in the corner, or automatic (large in a day's first session). */
  joinPanel?: 'auto' | 'large' | 'corner';
  /**
   * Per session id, where that session was when the facilitator left it (its timer, frozen, and its phase), so
   * that coming back (a mistaken "next" undone by "previous") resumes it instead of starting it over.
   */
  saved?: Record<string, SavedSession>;
}

/** A left session: its phase and its timer as it was, with `running` saying whether to resume it on return. */
export interface SavedSession {
  phase: string;
  timer: TimerState;
  running: boolean;
}

/** An open dot vote (see `votingSchema` in protocol.ts). */
export interface VotingConfig {
  setId: string;
  budget: number;
  maxPerItem: number;
  anonymous: boolean;
}

/** A plain, read-only picture of the control document. */
export interface ControlSnapshot {
  meta: WorkshopMeta | null;
  programme: Session[];
  state: AgendaState | null;
  groups: Group[];
  participants: ParticipantInfo[];
  /** Per session id, the state its exercise keeps (pitch order, consult schedule, …), written by the server. */
  exercises: Record<string, ExerciseState>;
}

/** An exercise's server-written state for one session: plain JSON, shape defined by the exercise module. */
export type ExerciseState = Record<string, unknown>;

const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(CONTROL.meta);
const programmeArray = (doc: Y.Doc) => doc.getArray<Session>(CONTROL.programme);
const stateMap = (doc: Y.Doc) => doc.getMap<unknown>(CONTROL.state);
const groupsMap = (doc: Y.Doc) => doc.getMap<Group>(CONTROL.groups);
const participantsMap = (doc: Y.Doc) => doc.getMap<ParticipantInfo>(CONTROL.participants);
const exercisesMap = (doc: Y.Doc) => doc.getMap<ExerciseState>(CONTROL.exercises);

export function readMeta(doc: Y.Doc): WorkshopMeta | null {
  const m = metaMap(doc);
  if (!m.has('title')) return null;
  return m.toJSON() as WorkshopMeta;
}

export const readProgramme = (doc: Y.Doc): Session[] => programmeArray(doc).toArray();

export function readState(doc: Y.Doc): AgendaState | null {
  const m = stateMap(doc);
  if (!m.has('currentSessionId')) return null;
  return m.toJSON() as AgendaState;
}

export const readGroups = (doc: Y.Doc): Group[] =>
  [...groupsMap(doc).values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));

export const readParticipants = (doc: Y.Doc): ParticipantInfo[] =>
  [...participantsMap(doc).values()].sort((a, b) => a.joinedAt - b.joinedAt);

export const readParticipant = (doc: Y.Doc, id: string): ParticipantInfo | undefined => participantsMap(doc).get(id);

export const readExerciseStates = (doc: Y.Doc): Record<string, ExerciseState> =>
  exercisesMap(doc).toJSON() as Record<string, ExerciseState>;

export const readExerciseState = (doc: Y.Doc, sessionId: string): ExerciseState =>
  exercisesMap(doc).get(sessionId) ?? {};

export function readControl(doc: Y.Doc): ControlSnapshot {
  return {
    meta: readMeta(doc),
    programme: readProgramme(doc),
    state: readState(doc),
    groups: readGroups(doc),
    participants: readParticipants(doc),
    exercises: readExerciseStates(doc),
  };
}

export const currentSession = (c: Pick<ControlSnapshot, 'programme' | 'state'>): Session | undefined =>
  c.programme.find((s) => s.id === c.state?.currentSessionId);

// Writers below are called only by the server, inside a transaction with the server's origin.

export function initControl(
  doc: Y.Doc,
  init: { meta: WorkshopMeta; programme: Session[]; groups: Array<{ id: string; name: string }> },
): void {
  const meta = metaMap(doc);
  for (const [k, v] of Object.entries(init.meta)) meta.set(k, v);
  programmeArray(doc).push(init.programme);
  init.groups.forEach((g, order) => groupsMap(doc).set(g.id, { ...g, order }));
  const first = init.programme[0];
  if (!first) throw new Error('programme is empty');
  setState(doc, {
    currentSessionId: first.id,
    phase: 'main',
    timer: idleTimer(first.plannedMinutes * 60_000),
    locked: false,
    spotlightItemId: null,
  });
}

export function setState(doc: Y.Doc, patch: Partial<AgendaState>): void {
  const m = stateMap(doc);
  for (const [k, v] of Object.entries(patch)) m.set(k, v);
}

export function setMeta(doc: Y.Doc, patch: Partial<WorkshopMeta>): void {
  const m = metaMap(doc);
  for (const [k, v] of Object.entries(patch)) m.set(k, v);
}

export function replaceProgramme(doc: Y.Doc, programme: Session[]): void {
  const a = programmeArray(doc);
  a.delete(0, a.length);
  a.push(programme);
}

export const putGroup = (doc: Y.Doc, g: Group): void => {
  groupsMap(doc).set(g.id, g);
};
export const deleteGroup = (doc: Y.Doc, id: string): void => groupsMap(doc).delete(id);
/** Merges `patch` into a session's exercise state (top-level keys replaced). */
export function patchExerciseState(doc: Y.Doc, sessionId: string, patch: ExerciseState): void {
  exercisesMap(doc).set(sessionId, { ...readExerciseState(doc, sessionId), ...patch });
}

export const putParticipant = (doc: Y.Doc, p: ParticipantInfo): void => {
  participantsMap(doc).set(p.id, p);
};

export const deleteParticipant = (doc: Y.Doc, id: string): void => participantsMap(doc).delete(id);
