import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';
import { DEFAULT_STATEMENTS } from './statements';

// A default statement is named by its text; an added one by its id (its text is its own item in the transcript).
const statement = (id: string): string => {
  const s = DEFAULT_STATEMENTS.find((d) => d.id === id);
  return s ? `"${s.text.nl}"` : id;
};

/** A statement; an answer as "formeel: 4/5 op stelling …"; a discussion note with its statement. */
export function prejudiceExportText(item: Item): string {
  const id = str(item, 'statementId');
  if (item.kind === 'prejudiceAnswer') {
    const side = item.side === 'formal' ? 'formeel' : 'informeel';
    return `${side}: ${typeof item.value === 'number' ? item.value : '?'}/5 herkenbaar op stelling ${statement(id)}`;
  }
  if (item.kind === 'prejudiceNote') return `[bij stelling ${statement(id)}] ${str(item, 'text')}`;
  return `stelling: ${str(item, 'text')}`;
}
