import { addItem } from '../../shared/boardDoc';
import { PREJUDICE_NOTE } from '../../shared/exercises/prejudiceGame';
import { DEFAULT_STATEMENTS } from '../../shared/exercises/prejudiceGame/statements';
import { newId } from '../../shared/ids';
import { SimDoc } from '../../tests/sim/simulator';
import { phoneCommand } from './phoneWrites';
import type { DemoSeeder } from './types';

const SESSION = 'vooroordelen';

/** Vooroordelenspel: two statements answered anonymously by every phone, one revealed, a suggestion and a note. */
export const seedPrejudiceGame: DemoSeeder = async ({ url, workshop, phones, facilitator, at }) => {
  let n = 0;
  const cmd = (action: string, payload: unknown) =>
    facilitator.must({ type: 'exercise', sessionId: SESSION, action, payload });
  for (const [s, statement] of DEFAULT_STATEMENTS.slice(0, 2).entries()) {
    await cmd('statement.show', { statementId: statement.id });
    for (const [i, p] of phones.entries()) {
      // A spread of answers: formal and informal people recognise the statements differently.
      const value = 1 + ((i * (s + 2) + s) % 5);
      await phoneCommand(p, {
        type: 'exercise',
        sessionId: SESSION,
        action: 'answer',
        payload: { statementId: statement.id, value },
      });
      n++;
    }
    await cmd('statement.reveal', { statementId: statement.id, revealed: true });
  }
  await phoneCommand(phones[3]!, {
    type: 'exercise',
    sessionId: SESSION,
    action: 'statement.add',
    payload: { text: 'Vrijwilligers houden zich niet aan afspraken.' },
  });
  n++;
  const board = new SimDoc(url, workshop.id, 'board', workshop.tokens.researcher);
  try {
    await board.synced();
    const id = newId('i');
    const t = at(1, 21, 15);
    board.doc.transact(() =>
      addItem(board.doc, {
        id,
        kind: PREJUDICE_NOTE,
        sessionId: SESSION,
        groupId: null,
        authorId: 'researcher',
        createdAt: t,
        updatedAt: t,
        statementId: DEFAULT_STATEMENTS[0]!.id,
        text: 'Formele werkers herkennen dit beeld vaker dan informele; gesprek over schaamte en vertrouwen.',
      }),
    );
    await phones[0]!.board.waitFor(() => phones[0]!.board.doc.getMap('items').has(id), 10_000, 'note on a phone');
  } finally {
    board.destroy();
  }
  n++;
  await cmd('statement.show', { statementId: DEFAULT_STATEMENTS[0]!.id });
  return n;
};
