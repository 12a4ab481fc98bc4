import type { Item } from '../../boardDoc';
import { SOURCE_ROLES } from '../../catalogue/roles';
import { str, who } from '../exportHelpers';

/** Names a role by its catalogue name, else by its id (a role proposed during the workshop is an item id). */
export const roleName = (id: string): string => SOURCE_ROLES.find((r) => r.id === id)?.name.nl ?? id;

/** A pick as "kiest rol X voor Y: waarom"; an observation with the pick it is about. */
export function roleMarketExportText(item: Item): string {
  if (item.kind === 'pickObservation') return `[observatie bij keuze ${str(item, 'pickId')}] ${str(item, 'text')}`;
  return `kiest rol "${roleName(str(item, 'roleId'))}" voor ${who(item)}: ${str(item, 'why')}`;
}
