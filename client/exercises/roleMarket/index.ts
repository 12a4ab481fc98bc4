import type { ExerciseViewLoaders } from '../types';

/** Rollenmarkt's four surfaces, each loaded on first use. */
export const roleMarketViews: ExerciseViewLoaders = {
  Phone: () => import('./RoleMarketPhone').then((m) => m.RoleMarketPhone),
  Screen: () => import('./RoleMarketScreen').then((m) => m.RoleMarketScreen),
  Console: () => import('./RoleMarketConsole').then((m) => m.RoleMarketConsole),
  Researcher: () => import('./RoleMarketResearcher').then((m) => m.RoleMarketResearcher),
  definition: () => import('../../../shared/exercises/roleMarket').then((m) => m.roleMarket),
};
