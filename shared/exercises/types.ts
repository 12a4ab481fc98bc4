import type { z } from 'zod';
import type { Item } from '../boardDoc';
import type { ExerciseKind, LocalisedText } from '../programme';
import type { Role } from '../roles';

/** A command an exercise accepts: its payload schema and who may send it. */
export interface ExerciseAction {
  schema: z.ZodType;
  roles: readonly Role[];
}

/** What the shared layer knows about one exercise kind: its item kinds, phases and commands. */
export interface ExerciseDefinition {
  kind: ExerciseKind;
  /** Item kinds this exercise writes to the board, with the schema of their own fields. */
  itemSchemas: Record<string, z.ZodType>;
  /** The phases the facilitator moves through; the first is where a session starts. */
  phases: readonly string[];
  /** How the console and announcements name each phase (defaults to the phase id). */
  phaseLabels?: Record<string, LocalisedText>;
  /** Its console shows its own phase buttons, so the toolkit's generic row of phase buttons is left out. */
  ownPhaseButtons?: boolean;
  /**
   * Item kinds a dot vote is on in this exercise: the phones offer dots on its visible items of these kinds and the
   * screen's chart counts them (it shows their `text`, or `name`). Absent: nothing to vote on, and the server refuses
   * `vote.open` (the console offers no vote).
   */
  votable?: readonly string[];
  /** Commands of this exercise, sent as `{type: 'exercise', sessionId, action, payload}`. */
  actions?: Record<string, ExerciseAction>;
  /** How one of this exercise's items reads as a turn in transcripts and exports; default: its `text`, else its fields as JSON. */
  exportText?: (item: Item) => string;
  /** A picture of the item for the HTML transcript (a drawing, a photo, a tree): an image URL or `data:image/…` URL. */
  exportImage?: (item: Item) => string | undefined;
}
