import type { LocalisedText } from '../programme';
import { TEMPLATE_SOURCE } from '../template';

/** The four dimensions in which the source sorts strengths of formal and informal workers (chapter 3). */
export const STRENGTH_DIMENSIONS = [
  { id: 'knowledge', name: { nl: 'Kennis en begrip', en: 'Knowledge and understanding' } },
  { id: 'skills', name: { nl: 'Vaardigheden', en: 'Skills' } },
  { id: 'position', name: { nl: 'Positie', en: 'Position' } },
  { id: 'power', name: { nl: 'Macht en middelen', en: 'Power and resources' } },
] as const satisfies ReadonlyArray<{ id: string; name: LocalisedText }>;

export type StrengthDimension = (typeof STRENGTH_DIMENSIONS)[number]['id'];

export const STRENGTH_DIMENSIONS_SOURCE = `${TEMPLATE_SOURCE} Hoofdstuk 3.`;
