import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';

/** A question asked during the kader slides. */
export const frameworkExportText = (item: Item): string => `vraag bij het kader: ${str(item, 'text')}`;
