import {
  CONDITIONS,
  CONDITION_STATUSES,
  PLAN_CONDITION,
  PLAN_STEP,
  planConditionFields,
  planConditionId,
  planStepFields,
} from '../../shared/exercises/actionPlan';
import { byCooperation, phoneWrites } from './dayTwoHelpers';
import type { DemoSeeder } from './types';

const STEPS = [
  {
    what: 'Maandelijks overleg tussen wijkteam en sleutelfiguren plannen',
    when: 'vóór 1 maart',
    party: 'het wijkteam',
  },
  { what: 'Convenant opstellen met rollen en vrijwilligersvergoeding', when: 'voor de zomer', party: 'de gemeente' },
  { what: 'Elkaar uitnodigen op de eigen bijeenkomsten', when: 'doorlopend', party: '' },
];

/** Plan van aanpak: three steps per cooperation (the first marked) and the conditions of the source marked. */
export const actionPlanSeeder: DemoSeeder = async (ctx) => {
  const sessionId = 'plan';
  let n = 0;
  for (const [g, coop] of byCooperation(ctx.phones).entries()) {
    for (const [i, s] of STEPS.entries()) {
      const phone = coop[i % coop.length]!;
      const who = s.party ? { whoParty: s.party } : { whoMemberId: coop[(i + 1) % coop.length]!.joined.participantId };
      phoneWrites(
        phone,
        planStepFields,
        { kind: PLAN_STEP, sessionId, at: ctx.at(2, 15, g * 5 + i) },
        { what: s.what, ...who, when: s.when, firstStep: i === 0, roleIds: [], editableBy: 'group' },
      );
      n++;
    }
    for (const [k, c] of CONDITIONS.entries()) {
      if ((k + g) % 3 === 2) continue; // Not every condition discussed yet, as in a real afternoon.
      const phone = coop[k % coop.length]!;
      phoneWrites(
        phone,
        planConditionFields,
        {
          id: planConditionId(sessionId, phone.groupId, c.id),
          kind: PLAN_CONDITION,
          sessionId,
          at: ctx.at(2, 15, 30 + k),
        },
        {
          conditionId: c.id,
          status: CONDITION_STATUSES[(k + g) % CONDITION_STATUSES.length]!,
          note: k % 4 === 0 ? 'Besproken met de hele groep.' : '',
          editableBy: 'group',
        },
      );
      n++;
    }
  }
  return n;
};
