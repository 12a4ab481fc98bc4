import type { CreateWorkshopResponse } from '../../shared/protocol';
import type { SimFacilitator, SimPhone } from '../../tests/sim/simulator';

/** What an exercise's demo seeder gets: the workshop, the joined phones and the facilitator's command channel. */
export interface DemoContext {
  url: string;
  workshop: CreateWorkshopResponse;
  phones: SimPhone[];
  facilitator: SimFacilitator;
  /** A time on day 1 or 2 of the demo, so contributions spread over the two days. */
  at(day: 1 | 2, hour: number, minute?: number): number;
}

/** Seeds one exercise's demo content through the real API and sync path; returns how many items it wrote. */
export type DemoSeeder = (ctx: DemoContext) => Promise<number>;
