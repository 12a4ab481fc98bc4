import { ROLE_PICK, rolePickFields, roleMarketCards } from '../../shared/exercises/roleMarket';
import { byCooperation, phoneWrites } from './dayTwoHelpers';
import type { DemoSeeder } from './types';

const PARTIES = ['het wijkteam', 'de moskeevereniging', 'het CJG', 'de gemeente'];
const WHY = [
  'Zij weet precies wie je moet bellen als het vastloopt.',
  'Hij komt bij de gezinnen thuis en wordt vertrouwd.',
  'Zonder hen komen ouders de drempel niet over.',
  'Dit doet zij nu al, maar niemand noemt het zo.',
  'Zo willen we het samen gaan organiseren.',
];

/** Rollenmarkt: every participant picks three roles (Figuur 3 and 4) for their own cooperation, with who and why. */
export const roleMarketSeeder: DemoSeeder = async (ctx) => {
  const { cards } = roleMarketCards();
  let n = 0;
  for (const [g, coop] of byCooperation(ctx.phones).entries()) {
    for (const [i, phone] of coop.entries()) {
      for (let k = 0; k < 3; k++) {
        const card = cards[(g * 5 + i * 3 + k * 7) % cards.length]!;
        const other = coop[(i + k + 1) % coop.length]!;
        const who =
          k === 2 ? { whoParty: PARTIES[(g + i) % PARTIES.length]! } : { whoMemberId: other.joined.participantId };
        phoneWrites(
          phone,
          rolePickFields,
          { kind: ROLE_PICK, sessionId: 'rollenmarkt', at: ctx.at(2, 11, i * 4 + k) },
          { roleId: card.id, ...who, why: WHY[(i + k) % WHY.length]! },
        );
        n++;
      }
    }
  }
  return n;
};
