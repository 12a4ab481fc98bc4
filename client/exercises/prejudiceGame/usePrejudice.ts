import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { PREJUDICE_NOTE, type PrejudiceState } from '../../../shared/exercises/prejudiceGame';
import { sessionStatements, tallyAnswers } from '../../../shared/exercises/prejudiceGame/tally';
import { useSessionItemsWithDrafts as useSessionItems } from '../../sync/itemWrites';
import { useExerciseState } from '../useExercise';

/** The game's statements, tallies, notes and the server's state (current statement, revealed ones). */
export function usePrejudice(sessionId: string) {
  const all = useSessionItems(sessionId);
  const state = useExerciseState(sessionId) as PrejudiceState;
  return useMemo(() => {
    const statements = sessionStatements(all, sessionId);
    const current = statements.find((s) => s.id === state.currentStatementId) ?? null;
    const revealed = new Set(state.revealed ?? []);
    const tally = (statementId: string) => tallyAnswers(all, sessionId, statementId);
    const notes = (statementId: string) =>
      all
        .filter(
          (i): i is Item & { text: string } =>
            i.kind === PREJUDICE_NOTE && i.sessionId === sessionId && i.statementId === statementId,
        )
        .sort((a, b) => a.createdAt - b.createdAt);
    return { statements, current, revealed, tally, notes };
  }, [all, state, sessionId]);
}
