import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { frameworkExportText } from './exportText';

/** Item kind of a question a participant sends during the framework talk. */
export const QUESTION = 'question' as const;

export const questionFields = z.object({ text: z.string().trim().min(1).max(LIMITS.itemText) });

/** Longest deck the console may store (Markdown characters). */
export const MAX_DECK = 20_000;

/** The framework's exercise state: the facilitator's deck (absent: the default deck) and the current slide. */
export interface FrameworkState {
  deck?: string | null;
  slide?: number;
}

export const readFrameworkState = (s: Record<string, unknown>): FrameworkState => ({
  deck: typeof s.deck === 'string' ? s.deck : undefined,
  slide: typeof s.slide === 'number' ? s.slide : 0,
});

/** Kader: a slide deck in Markdown shown on the screen and every phone; participants send questions. */
export const framework: ExerciseDefinition = {
  kind: 'framework',
  itemSchemas: { [QUESTION]: questionFields },
  votable: [QUESTION],
  exportText: frameworkExportText,
  phases: ['main'],
  actions: {
    setDeck: { schema: z.object({ markdown: z.string().max(MAX_DECK) }), roles: ['facilitator', 'researcher'] },
    goto: { schema: z.object({ slide: z.number().int().min(0).max(500) }), roles: ['facilitator', 'researcher'] },
  },
};
