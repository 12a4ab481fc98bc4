import type * as Y from 'yjs';
import type { ExerciseState } from '../../shared/controlDoc';
import type { ExerciseKind, Session } from '../../shared/programme';
import type { Principal } from '../../shared/roles';

/** What an exercise's command handler may use. Every write goes through these, so it is logged with its actor. */
export interface ExerciseContext {
  principal: Principal;
  session: Session;
  now: number;
  /** The control document, to read (write through `setState`). */
  control: Y.Doc;
  /** The session's exercise state in the control document. */
  state: ExerciseState;
  /** Merges a patch into the session's exercise state. */
  setState(patch: ExerciseState): void;
  /** Writes to the board document as the server, on behalf of the sender (logged as `server:<role>:exercise…`). */
  writeBoard(fn: (board: Y.Doc) => void): Promise<void>;
  /**
   * Writes to the board with no actor at all (logged as `server:anonymous`), so neither the log nor any export can
   * link what is written to the person who sent it.
   */
  writeBoardAnonymously(fn: (board: Y.Doc) => void): Promise<void>;
  /** Reads the board as it is now. */
  readBoard<T>(fn: (board: Y.Doc) => T): Promise<T>;
}

/** A handler throws an `AppError` to refuse; it must do all its checks before its first write. */
export type ActionHandler = (ctx: ExerciseContext, payload: unknown) => void | Promise<void>;

/** The server side of one exercise: handlers for the actions its shared definition declares. */
export interface ServerExercise {
  kind: ExerciseKind;
  actions: Record<string, ActionHandler>;
}
