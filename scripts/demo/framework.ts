import { addItem } from '../../shared/boardDoc';
import { QUESTION } from '../../shared/exercises/framework';
import { newId } from '../../shared/ids';
import type { DemoSeeder } from './types';

const SESSION = 'kader';

const QUESTIONS = [
  'Hoe verhoudt toegankelijkheid zich tot eigen kracht van de gemeenschap?',
  'Is de vruchtbare bodem iets wat je kunt organiseren?',
  'Wie betaalt de vrijwilligers als het werk zwaarder wordt?',
];

/** Kader: the default deck (chapter 2 of the source) on its second slide, and three questions from the room. */
export const seedFramework: DemoSeeder = async ({ phones, facilitator, at }) => {
  await facilitator.must({ type: 'exercise', sessionId: SESSION, action: 'goto', payload: { slide: 1 } });
  for (const [i, text] of QUESTIONS.entries()) {
    const phone = phones[(i * 7 + 2) % phones.length]!;
    const doc = phone.board.doc;
    const t = at(1, 11, 5 + i * 4);
    doc.transact(() =>
      addItem(doc, {
        id: newId('i'),
        kind: QUESTION,
        sessionId: SESSION,
        groupId: phone.groupId,
        authorId: phone.joined.participantId,
        createdAt: t,
        updatedAt: t,
        text,
      }),
    );
  }
  return QUESTIONS.length;
};
