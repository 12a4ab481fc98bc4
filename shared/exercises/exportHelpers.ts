import type { Item } from '../boardDoc';

/** A field of an item as a string ('' when absent or not a string), for transcript lines. */
export const str = (item: Item, key: string): string => {
  const v = item[key];
  return typeof v === 'string' ? v : '';
};

/** Who a day-two item is about: a member (pseudonymised in exports) or a named party. */
export const who = (item: Item): string => str(item, 'whoParty') || str(item, 'whoMemberId') || '?';

/** "formele werkers" / "informele werkers" for a side. */
export const sideWorkers = (side: unknown): string => (side === 'formal' ? 'formele werkers' : 'informele werkers');
