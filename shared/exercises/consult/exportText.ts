import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';

/** A consult's question, advice or takeaway, with its round and host. */
export function consultExportText(item: Item): string {
  const at = `ronde ${typeof item.round === 'number' ? item.round : '?'}, bij ${str(item, 'hostId')}`;
  if (item.kind === 'consultQuestion') return `[${at}] vraag: ${str(item, 'text')}`;
  if (item.kind === 'consultAdvice') return `[${at}] advies: ${str(item, 'text')}`;
  const from = Array.isArray(item.consultKeys) ? item.consultKeys.filter((k) => typeof k === 'string') : [];
  return `neemt mee${from.length ? ` (uit consult ${from.join(', ')})` : ''}: ${str(item, 'text')}`;
}
