import { readItems } from '../../shared/boardDoc';
import { PLUS_ONE, ROLE_PROPOSAL, STRENGTH } from '../../shared/exercises/strengths';
import { mergeItems } from '../../shared/exercises/strengths/merge';
import { SimDoc } from '../../tests/sim/simulator';
import { DEMO_PEOPLE } from '../demoContent';
import { phoneAdd } from './phoneWrites';
import type { DemoSeeder } from './types';

const SESSION = 'krachten-rollen';

/** Strengths each side names of the other (after chapter 3's boxes), in [dimension, text]. */
const OF_FORMAL: Array<[string, string]> = [
  ['knowledge', 'Pedagogische kennis'],
  ['knowledge', 'Kennen de sociale kaart'],
  ['knowledge', 'Geven woorden aan wat wij zien'],
  ['skills', 'Kunnen goed organiseren en plannen'],
  ['position', 'Zitten aan tafel bij de gemeente'],
  ['power', 'Toegang tot geld en ruimtes'],
  ['knowledge', 'Kennis van de sociale kaart'],
];
const OF_INFORMAL: Array<[string, string]> = [
  ['knowledge', 'Kennen twee culturen'],
  ['knowledge', 'Weten wat er in de wijk speelt'],
  ['skills', 'Kunnen vertalen, letterlijk en cultureel'],
  ['position', 'Genieten het vertrouwen van ouders'],
  ['position', 'Zijn er ook in het weekend'],
  ['power', 'Een groot netwerk in de gemeenschap'],
];

/** Krachten en rollen: strengths of the other side, +1s, one merged duplicate, role proposals, two accepted. */
export const seedStrengths: DemoSeeder = async ({ url, workshop, phones, facilitator, at }) => {
  let n = 0;
  const formal = phones.filter((_, i) => DEMO_PEOPLE[i]?.side === 'formal');
  const informal = phones.filter((_, i) => DEMO_PEOPLE[i]?.side === 'informal');
  await facilitator.must({ type: 'exercise', sessionId: SESSION, action: 'grouping.set', payload: { mode: 'bySide' } });
  const strengthIds: string[] = [];
  OF_FORMAL.forEach(([dimension, text], i) => {
    const p = informal[i % informal.length]!;
    strengthIds.push(
      phoneAdd(p, { kind: STRENGTH, sessionId: SESSION, at: at(1, 13, i), text, dimension, aboutSide: 'formal' }),
    );
    n++;
  });
  OF_INFORMAL.forEach(([dimension, text], i) => {
    const p = formal[i % formal.length]!;
    strengthIds.push(
      phoneAdd(p, { kind: STRENGTH, sessionId: SESSION, at: at(1, 13, i), text, dimension, aboutSide: 'informal' }),
    );
    n++;
  });
  // Feedback round: an addition and a few +1s.
  phoneAdd(formal[1]!, {
    kind: STRENGTH,
    sessionId: SESSION,
    at: at(1, 13, 30),
    text: 'Ervaringsdeskundig: zelf ouder in Nederland',
    dimension: 'knowledge',
    aboutSide: 'informal',
    addition: true,
  });
  n++;
  for (const [i, p] of phones.slice(0, 8).entries()) {
    phoneAdd(p, {
      kind: PLUS_ONE,
      sessionId: SESSION,
      at: at(1, 13, 35 + i),
      targetId: strengthIds[(i * 3) % strengthIds.length],
    });
    n++;
  }
  const roles = [
    phoneAdd(informal[0]!, {
      kind: ROLE_PROPOSAL,
      sessionId: SESSION,
      at: at(1, 14, 0),
      name: 'De brugbouwer',
      description: 'Verbindt gezinnen die het wijkteam niet kennen met de juiste hulp.',
      side: 'informal',
      strengthIds: strengthIds.slice(OF_FORMAL.length, OF_FORMAL.length + 2),
    }),
    phoneAdd(formal[0]!, {
      kind: ROLE_PROPOSAL,
      sessionId: SESSION,
      at: at(1, 14, 5),
      name: 'De deuropener',
      description: 'Maakt de weg vrij naar geld, ruimte en overleg bij de gemeente.',
      side: 'formal',
      strengthIds: strengthIds.slice(4, 6),
    }),
    phoneAdd(informal[2]!, {
      kind: ROLE_PROPOSAL,
      sessionId: SESSION,
      at: at(1, 14, 9),
      name: 'De cultuurtolk',
      description: 'Legt uit wat gedrag betekent in de cultuur van het gezin.',
      side: 'informal',
      strengthIds: [],
    }),
  ];
  n += roles.length;
  // The facilitator merges the duplicate "sociale kaart" through the board, as the console does.
  const board = new SimDoc(url, workshop.id, 'board', workshop.tokens.facilitator);
  try {
    await board.synced();
    await board.waitFor(
      () => roles.every((id) => readItems(board.doc).some((i) => i.id === id)),
      10_000,
      'role proposals',
    );
    board.doc.transact(() => mergeItems(board.doc, strengthIds[6]!, strengthIds[1]!, at(1, 13, 40)));
    // Closing only once a phone sees the merge: then the server has it.
    const phone = phones[0]!.board;
    const merged = () => readItems(phone.doc).some((i) => i.id === strengthIds[6] && i.mergedInto === strengthIds[1]);
    await phone.waitFor(merged, 10_000, 'merge on a phone');
  } finally {
    board.destroy();
  }
  for (const id of roles.slice(0, 2))
    await facilitator.must({
      type: 'exercise',
      sessionId: SESSION,
      action: 'role.accept',
      payload: { roleId: id, accepted: true },
    });
  await facilitator.must({
    type: 'exercise',
    sessionId: SESSION,
    action: 'role.rename',
    payload: { roleId: roles[1]!, name: 'De deuropener bij de gemeente' },
  });
  return n;
};
