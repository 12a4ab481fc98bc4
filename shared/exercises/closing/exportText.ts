import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';

/** A summary with who gave it. */
export function closingExportText(item: Item): string {
  if (item.kind === 'closingSpokesperson') return 'woordvoerder gekozen';
  const by = item.by === 'researcher' ? 'onderzoeker' : 'woordvoerder';
  return `samenvatting (${by} ${str(item, 'name')}): ${str(item, 'text')}`;
}
