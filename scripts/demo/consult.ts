import {
  CONSULT_ADVICE,
  CONSULT_QUESTION,
  CONSULT_TAKEAWAY,
  consultAdviceFields,
  consultKey,
  consultQuestionFields,
  consultSchedule,
  consultTakeawayFields,
} from '../../shared/exercises/consult';
import { byCooperation, phoneWrites } from './dayTwoHelpers';
import type { DemoSeeder } from './types';

const QUESTIONS = [
  'Hoe houden sleutelfiguren hun onafhankelijke positie als het jeugdteam hen coördineert?',
  'Hoe regelen we een vrijwilligersvergoeding zonder dat het een baan wordt?',
  'Hoe krijgen we het regenboogoverleg weer op gang na de decentralisatie?',
  'Hoe komen we eerder in beeld dan pas als het escaleert?',
  'Hoe maken we zichtbaar wat informele werkers bereiken?',
];
const ADVICE = [
  'Maak een convenant waarin de rollen en verantwoordelijkheden staan.',
  'Begin met een vast maandelijks overleg op een plek van de informele partij.',
  'Laat de coördinator bij de gemeente zitten, niet bij het wijkteam.',
  'Nodig elkaar uit op je eigen bijeenkomsten.',
];

/** Consult: two scheduled rounds; hosts write their question, visitors give advice; afterwards each takes notes home. */
export const consultSeeder: DemoSeeder = async (ctx) => {
  const sessionId = 'consult';
  const groupIds = ctx.workshop.groups.map((g) => g.id);
  await ctx.facilitator.must({
    type: 'exercise',
    sessionId,
    action: 'configure',
    payload: { mode: 'schedule', rounds: 2, roundMinutes: 20, cap: 1 },
  });
  // The server plans with the same pure generator over the cooperations in their order, so this is its schedule.
  const rounds = consultSchedule(groupIds, 2);
  const coops = new Map(byCooperation(ctx.phones).map((c) => [c[0]!.groupId, c]));
  let n = 0;
  for (const r of rounds) {
    await ctx.facilitator.must({ type: 'exercise', sessionId, action: 'setRound', payload: { round: r.round } });
    for (const [k, c] of r.consults.entries()) {
      const host = coops.get(c.hostId)!;
      const q = QUESTIONS[(groupIds.indexOf(c.hostId) + r.round) % QUESTIONS.length]!;
      const ref = { round: r.round, hostId: c.hostId };
      phoneWrites(
        host[0]!,
        consultQuestionFields,
        { kind: CONSULT_QUESTION, sessionId, at: ctx.at(2, 13, r.round * 20) },
        { ...ref, text: q },
      );
      n++;
      for (const [v, visitorId] of c.visitorIds.entries()) {
        const visitor = coops.get(visitorId)!;
        const text = ADVICE[(k + v + r.round) % ADVICE.length]!;
        phoneWrites(
          visitor[1 % visitor.length]!,
          consultAdviceFields,
          { kind: CONSULT_ADVICE, sessionId, at: ctx.at(2, 13, r.round * 20 + 5) },
          { ...ref, text },
        );
        n++;
      }
    }
  }
  await ctx.facilitator.must({
    type: 'exercise',
    sessionId,
    action: 'setRound',
    payload: { round: rounds.length + 1 },
  });
  for (const [groupId, coop] of coops) {
    const keys = rounds.flatMap((r) =>
      r.consults
        .filter((c) => c.hostId === groupId || c.visitorIds.includes(groupId))
        .map((c) => consultKey(r.round, c.hostId)),
    );
    phoneWrites(
      coop[2 % coop.length]!,
      consultTakeawayFields,
      { kind: CONSULT_TAKEAWAY, sessionId, at: ctx.at(2, 14, 10) },
      { text: 'Een convenant, maar met een onafhankelijke coördinator.', consultKeys: keys },
    );
    n++;
  }
  return n;
};
