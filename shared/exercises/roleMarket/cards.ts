import { SOURCE_ROLES, type RoleCard } from '../../catalogue/roles';
import type { Side } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';

/** The cards on the market and the line that names where they come from. */
export interface RoleMarketCards {
  cards: RoleCard[];
  about: { nl: string; en: string };
  /** The same, short enough for the projector. */
  aboutShort: { nl: string; en: string };
}

/**
 * The role market's cards. The one place the catalogue is chosen: today Figuur 3 and 4 of the source; pass day
 * one's curated catalogue (the roles named on day one) to use that instead.
 */
export function roleMarketCards(catalogue: readonly RoleCard[] = SOURCE_ROLES): RoleMarketCards {
  const extra = catalogue.filter((c) => !SOURCE_ROLES.some((s) => s.id === c.id)).length;
  return {
    cards: [...catalogue],
    about: {
      nl: `Rollen uit Figuur 3 (formele werker) en Figuur 4 (informele werker)${extra ? ` en ${extra} rollen benoemd op dag één` : ''}. Bron: ${TEMPLATE_SOURCE}`,
      en: `Roles from Figure 3 (formal worker) and Figure 4 (informal worker)${extra ? ` and ${extra} roles named on day one` : ''}. Source: ${TEMPLATE_SOURCE}`,
    },
    aboutShort: {
      nl: `Bron: Figuur 3 en 4, Ponzoni & Distelbrink (2016)${extra ? ` en dag één` : ''}`,
      en: `Source: Figures 3 and 4, Ponzoni & Distelbrink (2016)${extra ? ` and day one` : ''}`,
    },
  };
}

/** Cards filtered by side ('all' keeps every card). */
export const filterCards = (cards: readonly RoleCard[], side: Side | 'all'): RoleCard[] =>
  side === 'all' ? [...cards] : cards.filter((c) => c.side === side);
