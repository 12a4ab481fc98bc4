import type { ExerciseViews } from '../types';
import { RoleMarketConsole } from './RoleMarketConsole';
import { RoleMarketPhone } from './RoleMarketPhone';
import { RoleMarketResearcher } from './RoleMarketResearcher';
import { RoleMarketScreen } from './RoleMarketScreen';

/** Rollenmarkt's four surfaces. */
export const roleMarketViews: ExerciseViews = {
  Phone: RoleMarketPhone,
  Screen: RoleMarketScreen,
  Console: RoleMarketConsole,
  Researcher: RoleMarketResearcher,
};
