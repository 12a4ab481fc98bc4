import { z } from 'zod';
import { LIMITS } from '../../limits';
import { SIDES } from '../../sides';
import type { ExerciseDefinition } from '../types';
import { prejudiceExportText } from './exportText';

/** A statement added during the workshop (by the facilitator, or anonymously by a participant). */
export const PREJUDICE_STATEMENT = 'prejudiceStatement' as const;
/** One anonymous answer: written by the server with no author; only the side is kept. */
export const PREJUDICE_ANSWER = 'prejudiceAnswer' as const;
/** A discussion note on a statement, by the facilitator or a researcher. */
export const PREJUDICE_NOTE = 'prejudiceNote' as const;

export const statementText = z.string().trim().min(3).max(300);
export const prejudiceStatementFields = z.object({ text: statementText });
export const prejudiceAnswerFields = z.object({
  statementId: z.string().min(1).max(60),
  side: z.enum(SIDES),
  value: z.number().int().min(1).max(5),
});
export const prejudiceNoteFields = z.object({
  statementId: z.string().min(1).max(60),
  text: z.string().trim().min(1).max(LIMITS.itemText),
});

/** What the server keeps: the statement on the screen and which distributions are revealed. */
export interface PrejudiceState {
  currentStatementId?: string | null;
  revealed?: string[];
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);

/** Vooroordelenspel: anonymous 5-point answers per statement, shown per side once revealed. */
export const prejudiceGame: ExerciseDefinition = {
  kind: 'prejudiceGame',
  itemSchemas: {
    [PREJUDICE_STATEMENT]: prejudiceStatementFields,
    [PREJUDICE_ANSWER]: prejudiceAnswerFields,
    [PREJUDICE_NOTE]: prejudiceNoteFields,
  },
  exportText: prejudiceExportText,
  phases: ['main'],
  actions: {
    answer: { schema: z.object({ statementId: id, value: z.number().int().min(1).max(5) }), roles: ['participant'] },
    'statement.add': { schema: z.object({ text: statementText }), roles: ['facilitator', 'participant'] },
    'statement.show': { schema: z.object({ statementId: id.nullable() }), roles: ['facilitator'] },
    'statement.reveal': { schema: z.object({ statementId: id, revealed: z.boolean() }), roles: ['facilitator'] },
  },
};
