import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import { DEFAULT_DECK } from '../../../shared/exercises/framework/defaultDeck';
import { QUESTION, readFrameworkState } from '../../../shared/exercises/framework';
import { splitSlides } from '../../../shared/exercises/framework/markdown';
import { useLang } from '../../i18n/i18n';
import { useItemsWithDrafts } from '../../sync/privateWriting';
import { useExerciseState } from '../useExercise';

export type Question = Item & { text: string };

/** The deck (the facilitator's, or the default one in the reader's language), the current slide and questions. */
export function useDeck(sessionId: string) {
  const lang = useLang();
  const raw = useExerciseState(sessionId);
  const items = useItemsWithDrafts();
  return useMemo(() => {
    const state = readFrameworkState(raw);
    const custom = state.deck ?? null;
    const slides = splitSlides(custom ?? DEFAULT_DECK[lang]);
    const index = Math.max(0, Math.min(state.slide ?? 0, slides.length - 1));
    const questions = Object.values(items)
      .filter((i): i is Question => i.kind === QUESTION && i.sessionId === sessionId && typeof i.text === 'string')
      .sort((a, b) => a.createdAt - b.createdAt);
    return { custom, slides, index, current: slides[index] ?? '', questions };
  }, [raw, items, lang, sessionId]);
}
