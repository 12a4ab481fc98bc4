import { readExerciseState } from '../../shared/controlDoc';
import { TREE_ITEM, type TreeState } from '../../shared/exercises/tree';
import type { TreeZone } from '../../shared/exercises/tree/zones';
import { SimDoc } from '../../tests/sim/simulator';
import { phoneAdd } from './phoneWrites';
import type { DemoSeeder } from './types';

const SESSION = 'boom';

/** What people hang on the trees (after chapter 2's "Voeden van de samenwerking"), by zone. */
const NOTES: Array<[TreeZone, string]> = [
  ['roots', 'Structurele financiering'],
  ['roots', 'Een vast aanspreekpunt in het wijkteam'],
  ['roots', 'Vrijwilligersvergoeding'],
  ['roots', 'Elkaar echt kennen'],
  ['apples', 'Ouders vragen eerder hulp'],
  ['apples', 'Minder schooluitval'],
  ['apples', 'Gezinnen vinden de weg naar het wijkteam'],
  ['wateringCan', 'Successen samen vieren'],
  ['wateringCan', 'Erkenning van elkaars werk'],
  ['lubricant', 'Korte lijnen'],
  ['lubricant', 'Humor'],
  ['roots', 'Regelmatig overleg'],
];

/** Boom: seeded mixed groups, every phone hangs a note on its group's tree, two recurring notes are linked. */
export const seedTree: DemoSeeder = async ({ url, workshop, phones, facilitator, at }) => {
  await facilitator.must({
    type: 'exercise',
    sessionId: SESSION,
    action: 'groups.generate',
    payload: { size: 4, seed: 2016 },
  });
  const control = new SimDoc(url, workshop.id, 'control', workshop.tokens.facilitator);
  let groups: NonNullable<TreeState['groups']> = [];
  try {
    await control.synced();
    await control.waitFor(
      () => ((readExerciseState(control.doc, SESSION) as TreeState).groups ?? []).length > 0,
      10_000,
      'tree groups',
    );
    groups = (readExerciseState(control.doc, SESSION) as TreeState).groups ?? [];
  } finally {
    control.destroy();
  }
  const ids: string[] = [];
  phones.forEach((p, i) => {
    const group = groups.find((g) => g.members.includes(p.joined.participantId));
    const [zone, text] = NOTES[i % NOTES.length]!;
    if (group)
      ids.push(
        phoneAdd(p, { kind: TREE_ITEM, sessionId: SESSION, at: at(1, 15, i), zone, text, treeGroupId: group.id }),
      );
  });
  // "Structurele financiering" and "Vrijwilligersvergoeding" recur: link them in the harvest once the server has them.
  const board = phones[0]!.board;
  await board.waitFor(() => ids.every((id) => board.doc.getMap('items').has(id)), 10_000, 'tree notes');
  await facilitator.must({
    type: 'exercise',
    sessionId: SESSION,
    action: 'harvest.link',
    payload: { itemIds: [ids[0]!, ids[2]!, ids[12]!], label: 'Geld en vergoeding' },
  });
  return ids.length;
};
