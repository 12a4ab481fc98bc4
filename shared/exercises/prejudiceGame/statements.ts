import type { LocalisedText } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';

/** A statement of the game: a known tension or prejudice between the formal and informal field. */
export interface PrejudiceStatement {
  id: string;
  text: LocalisedText;
  /** Where it comes from: the source (with chapter), or "added during the workshop". */
  source: string;
  /** The same, short enough for the projector. */
  cite: string;
}

const CH2 = `${TEMPLATE_SOURCE} Hoofdstuk 2`;
const CITE = 'Ponzoni & Distelbrink (2016), hoofdstuk 2';

/**
 * Default statements. The first two are the prejudices the source names under "Vertrouwen" (chapter 2, "Vruchtbare
 * bodem"); the others are tensions chapter 2 names under "Kennis van elkaar" and "Geen instrumentele benadering".
 */
export const DEFAULT_STATEMENTS: PrejudiceStatement[] = [
  {
    id: 'bron-1',
    text: {
      nl: 'Zelforganisaties schermen mensen af van de samenleving en van reguliere voorzieningen.',
      en: 'Self-organisations shield people from society and from regular services.',
    },
    source: `${CH2}, "Vertrouwen".`,
    cite: `${CITE}, "Vertrouwen"`,
  },
  {
    id: 'bron-2',
    text: {
      nl: 'Formele werkers dienen het belang van de instelling waarvoor ze werken in plaats van het belang van gezinnen.',
      en: 'Formal workers serve the interest of the institution they work for instead of the interest of families.',
    },
    source: `${CH2}, "Vertrouwen".`,
    cite: `${CITE}, "Vertrouwen"`,
  },
  {
    id: 'bron-3',
    text: {
      nl: 'Formele werkers zien informele werkers vooral als middel om hun eigen doelen te halen.',
      en: 'Formal workers mainly see informal workers as a means to reach their own goals.',
    },
    source: `${CH2}, "Geen instrumentele benadering".`,
    cite: `${CITE}, "Geen instrumentele benadering"`,
  },
  {
    id: 'bron-4',
    text: {
      nl: 'Wat informele werkers bereiken, is niet te zien in resultaten en telt daarom niet mee.',
      en: 'What informal workers achieve does not show in results, and so it does not count.',
    },
    source: `${CH2}, "Kennis van elkaar".`,
    cite: `${CITE}, "Kennis van elkaar"`,
  },
];

export const ADDED_STATEMENT_SOURCE = 'Toegevoegd tijdens de werkplaats';

/** The five points of the answer scale, from "niet herkenbaar" (1) to "zeer herkenbaar" (5). */
export const SCALE: LocalisedText[] = [
  { nl: 'Niet herkenbaar', en: 'Not recognisable' },
  { nl: 'Weinig herkenbaar', en: 'Slightly recognisable' },
  { nl: 'Enigszins herkenbaar', en: 'Somewhat recognisable' },
  { nl: 'Herkenbaar', en: 'Recognisable' },
  { nl: 'Zeer herkenbaar', en: 'Very recognisable' },
];
