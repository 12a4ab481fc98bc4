import { CLOSING_SUMMARY, closingSummaryFields } from '../../shared/exercises/closing';
import { DEMO_PEOPLE } from '../demoContent';
import { byCooperation, phoneWrites } from './dayTwoHelpers';
import type { DemoSeeder } from './types';

const YIELD = [
  'We kennen elkaar nu echt. Volgende maand starten we een vast overleg, en de vrijwilligersvergoeding gaan we samen aankaarten bij de gemeente.',
  'Het consult met Dordrecht liet zien dat coördinatie vanuit het jeugdteam kan zonder dat sleutelfiguren hun vertrouwen verliezen. Dat gaan we proberen.',
  'Onze visie staat op papier én in de tekening. Eerste stap: elkaar uitnodigen op de eigen bijeenkomsten.',
  'We gaan samen evalueren, over een half jaar, met dezelfde mensen aan tafel.',
  'Vooral: de kracht van de ander benoemen werkt. Dat nemen we mee naar het wijkteam.',
];

/** Afsluiting: the first-joined member of each cooperation sums up as its spokesperson. */
export const closingSeeder: DemoSeeder = async (ctx) => {
  let n = 0;
  for (const [g, coop] of byCooperation(ctx.phones).entries()) {
    const speaker = coop[0]!;
    const name = DEMO_PEOPLE[ctx.phones.indexOf(speaker)]?.name ?? 'Woordvoerder';
    phoneWrites(
      speaker,
      closingSummaryFields,
      { kind: CLOSING_SUMMARY, sessionId: 'afsluiting', at: ctx.at(2, 16, g * 3) },
      { by: 'spokesperson', name, text: YIELD[g % YIELD.length]! },
    );
    n++;
  }
  return n;
};
