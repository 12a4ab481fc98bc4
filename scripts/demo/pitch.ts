import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { PITCH, PITCH_REACTION } from '../../shared/exercises/pitch';
import { newId } from '../../shared/ids';
import type { Ack, Command } from '../../shared/protocol';
import type { SimPhone } from '../../tests/sim/simulator';
import type { DemoSeeder } from './types';

const SESSION = 'pitch';

/** Each cooperation's pitch (text and three keywords), in the order of DEMO_COOPERATIONS. */
const PITCHES: Array<{ text: string; keywords: string[] }> = [
  {
    text: 'Wij werken met sleutelfiguren die ouders in de moskee en op school spreken. Het wijkteam schuift aan bij hun bijeenkomsten.',
    keywords: ['sleutelfiguren', 'vertrouwen', 'school'],
  },
  {
    text: 'Onze kracht: vrijwilligers die de taal van de gezinnen spreken, en een wijkteam dat naar hen luistert.',
    keywords: ['taal', 'luisteren', 'buurt'],
  },
  {
    text: 'Intermediairs vanuit Careyn verbinden gezinnen met het wijkteam; samen houden we een spreekuur in het buurthuis.',
    keywords: ['intermediairs', 'spreekuur', 'buurthuis'],
  },
  {
    text: 'Idhem en het CJG: nog geen samenwerking, wel veel contacten in de wijk. Deze twee dagen zijn ons begin.',
    keywords: ['begin', 'contacten', 'nieuwsgierig'],
  },
  {
    text: 'Spanningen met een groep jongeren verminderen, samen met de Molukse gemeenschap en de gemeente.',
    keywords: ['jongeren', 'erkenning', 'samen'],
  },
];

const REACTIONS: Array<{ reaction: 'question' | 'struck'; text: string }> = [
  { reaction: 'struck', text: 'Mooi dat het wijkteam naar de bijeenkomsten toe gaat.' },
  { reaction: 'question', text: 'Hoe houden jullie de sleutelfiguren vast als het druk wordt?' },
  { reaction: 'struck', text: 'Taal als brug: dat herken ik.' },
];

const command = (phone: SimPhone, cmd: Command) =>
  new Promise<Ack>((resolve) => phone.socket.emit('command', cmd, (ack: Ack) => resolve(ack)));

/** Pitch: every cooperation writes its pitch on a phone, the order is drawn, and the room reacts to the first. */
export const seedPitch: DemoSeeder = async ({ phones, facilitator, workshop, at }) => {
  let written = 0;
  for (const [g, group] of workshop.groups.entries()) {
    const phone = phones.find((p) => p.groupId === group.id);
    const content = PITCHES[g % PITCHES.length]!;
    if (!phone) continue;
    const ack = await command(phone, { type: 'exercise', sessionId: SESSION, action: 'open' });
    if (!ack.ok) throw new Error(`pitch open refused: ${ack.error.message}`);
    const doc = phone.board.doc;
    const find = () =>
      [...itemsMap(doc).values()].find((m) => m.get('kind') === PITCH && m.get('groupId') === group.id);
    await phone.board.waitFor(() => !!find(), 10_000, `pitch of ${group.name}`);
    const item = find()!;
    doc.transact(() => {
      (item.get('text') as Y.Text).insert(0, content.text);
      item.set('keywords', content.keywords);
      item.set('updatedAt', at(1, 10, 15 + g));
    });
    written++;
  }
  await facilitator.must({ type: 'exercise', sessionId: SESSION, action: 'drawOrder', payload: { seed: 2016 } });
  await facilitator.must({ type: 'phase.set', phase: 'present' });
  const first = workshop.groups[0]!.id;
  for (const [i, r] of REACTIONS.entries()) {
    const phone = phones[(i * 5 + 3) % phones.length]!;
    const doc = phone.board.doc;
    const t = at(1, 10, 40 + i);
    doc.transact(() =>
      addItem(doc, {
        id: newId('i'),
        kind: PITCH_REACTION,
        sessionId: SESSION,
        groupId: phone.groupId,
        authorId: phone.joined.participantId,
        createdAt: t,
        updatedAt: t,
        targetGroupId: first,
        ...r,
      }),
    );
    written++;
  }
  await facilitator.must({ type: 'exercise', sessionId: SESSION, action: 'present', payload: { groupId: first } });
  await facilitator.must({ type: 'exercise', sessionId: SESSION, action: 'finish' });
  return written;
};
