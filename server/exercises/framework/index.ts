import { DEFAULT_DECK } from '../../../shared/exercises/framework/defaultDeck';
import { splitSlides } from '../../../shared/exercises/framework/markdown';
import type { ServerExercise } from '../types';

/** The framework's commands: store the deck and move between slides. */
export const frameworkServer: ServerExercise = {
  kind: 'framework',
  actions: {
    setDeck: (ctx, p) => {
      const { markdown } = p as { markdown: string };
      // An empty deck means "back to the default deck".
      ctx.setState({ deck: markdown.trim() ? markdown : null, slide: 0 });
    },
    goto: (ctx, p) => {
      const { slide } = p as { slide: number };
      const deck = typeof ctx.state.deck === 'string' ? ctx.state.deck : DEFAULT_DECK.nl;
      const max = splitSlides(deck).length - 1;
      ctx.setState({ slide: Math.max(0, Math.min(slide, max)) });
    },
  },
};
