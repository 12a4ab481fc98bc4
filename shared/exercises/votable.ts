import type { ExerciseKind } from '../programme';

/**
 * What a dot vote is on, per exercise kind: the item kinds whose (visible, board) items the phones offer dots on and
 * the screen's bar chart counts (client/views/screen/VoteResults.tsx reads the item's `text`, or `name`). An exercise
 * not listed has nothing to vote on: the console does not offer a vote there. Plain data, so the phone's first
 * download gets it without any schema code.
 */
export const VOTABLE: Partial<Record<ExerciseKind, readonly string[]>> = {
  opening: ['note'],
  noteWall: ['note'],
  framework: ['question'],
  strengths: ['strength'],
  tree: ['treeItem'],
};

/** The item kinds a vote in a session of this exercise kind is on (none: no vote here). */
export const votableKinds = (kind: ExerciseKind | string | undefined): readonly string[] =>
  (kind && VOTABLE[kind as ExerciseKind]) || [];
