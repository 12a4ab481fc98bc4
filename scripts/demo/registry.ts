import { seedFramework } from './framework';
import { seedPitch } from './pitch';
import { seedPrejudiceGame } from './prejudiceGame';
import { seedStrengths } from './strengths';
import { seedTree } from './tree';
import { actionPlanSeeder } from './actionPlan';
import { closingSeeder } from './closing';
import { consultSeeder } from './consult';
import { roleMarketSeeder } from './roleMarket';
import type { DemoSeeder } from './types';
import { visionSeeder } from './vision';

/**
 * Exercise-specific demo content, by session id of the default programme. A session without a seeder gets the
 * note wall's notes from demoContent.ts.
 */
export const DEMO_SEEDERS: Record<string, DemoSeeder> = {
  pitch: seedPitch,
  kader: seedFramework,
  'krachten-rollen': seedStrengths,
  boom: seedTree,
  vooroordelen: seedPrejudiceGame,
  rollenmarkt: roleMarketSeeder,
  consult: consultSeeder,
  plan: actionPlanSeeder,
  visie: visionSeeder,
  afsluiting: closingSeeder,
};
