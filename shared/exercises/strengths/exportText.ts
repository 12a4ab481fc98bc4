import type { Item } from '../../boardDoc';
import { STRENGTH_DIMENSIONS } from '../../catalogue/strengths';
import { sideWorkers, str } from '../exportHelpers';

/** A strength with its dimension and the side it is about; a +1; a role proposal with its side. */
export function strengthsExportText(item: Item): string {
  if (item.kind === 'plusOne') return `+1 op kracht ${str(item, 'targetId')}`;
  if (item.kind === 'roleProposal')
    return `stelt rol voor "${str(item, 'name')}" (${sideWorkers(item.side)}): ${str(item, 'description')}`;
  const dimension = STRENGTH_DIMENSIONS.find((d) => d.id === item.dimension)?.name.nl ?? str(item, 'dimension');
  const addition = item.addition ? 'aanvulling, ' : '';
  return `[${addition}${dimension}, over ${sideWorkers(item.aboutSide)}] ${str(item, 'text')}`;
}
