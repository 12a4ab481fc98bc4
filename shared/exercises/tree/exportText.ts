import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';
import { TREE_ZONE_INFO, type TreeZone } from './zones';

/** A tree item with its zone: "[wortels] Vaste financiering". */
export function treeExportText(item: Item): string {
  const zone = TREE_ZONE_INFO[item.zone as TreeZone]?.name.nl.toLowerCase() ?? str(item, 'zone');
  return `[${zone}] ${str(item, 'text')}`;
}
