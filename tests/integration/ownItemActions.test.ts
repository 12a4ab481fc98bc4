import { beforeEach, describe, expect, it } from 'vitest';
import { addItem, itemsMap, patchItem, readItem } from '../../shared/boardDoc';
import type { JoinResponse } from '../../shared/protocol';
import { ioClient, joinAs, synced, waitFor } from '../helpers/clients';
import { workshopPerTest } from '../helpers/workshopPerTest';

/**
 * Every kind a phone lists as "yours" (client/components/OwnItemActions.tsx) can be edited, deleted and brought back
 * (an undone delete re-creates the item with its id and creation time) by its author, through the real server's
 * guard; another participant still cannot change it.
 */
const KINDS: Array<{ kind: string; sessionId: string; fields: Record<string, unknown>; edit: Record<string, string> }> =
  [
    { kind: 'note', sessionId: 'opening', fields: { text: 'Een notitie' }, edit: { text: 'Bewerkte notitie' } },
    {
      kind: 'strength',
      sessionId: 'krachten-rollen',
      fields: { text: 'Kennen de wijk', dimension: 'skills', aboutSide: 'informal', workGroupId: 'side-formal' },
      edit: { text: 'Kennen de wijk en de families' },
    },
    {
      kind: 'roleProposal',
      sessionId: 'krachten-rollen',
      fields: { name: 'De brugbouwer', description: 'Verbindt', side: 'formal', strengthIds: [] },
      edit: { name: 'De bruggenbouwer', description: 'Verbindt werelden' },
    },
    {
      kind: 'treeItem',
      sessionId: 'boom',
      fields: { text: 'Vertrouwen', zone: 'roots', treeGroupId: 'tree-1' },
      edit: { text: 'Vertrouwen van families' },
    },
    { kind: 'question', sessionId: 'kader', fields: { text: 'Wat is een kader?' }, edit: { text: 'Wat bedoel je?' } },
    {
      kind: 'pitchReaction',
      sessionId: 'pitch',
      fields: { targetGroupId: 'gX', reaction: 'struck', text: 'Mooi' },
      edit: { text: 'Heel mooi' },
    },
    {
      kind: 'rolePick',
      sessionId: 'rollenmarkt',
      fields: { roleId: 'bridge', whoParty: 'De buurt', why: 'Past goed' },
      edit: { why: 'Past heel goed' },
    },
    {
      kind: 'consultQuestion',
      sessionId: 'consult',
      fields: { round: 1, hostId: 'gX', text: 'Hoe bereik je ouders?' },
      edit: { text: 'Hoe bereik je vaders?' },
    },
    {
      kind: 'consultAdvice',
      sessionId: 'consult',
      fields: { round: 1, hostId: 'gX', text: 'Via de moskee' },
      edit: { text: 'Via de moskee en de club' },
    },
    {
      kind: 'consultTakeaway',
      sessionId: 'consult',
      fields: { text: 'Vaker langsgaan', consultKeys: ['1:gX'] },
      edit: { text: 'Elke week langsgaan' },
    },
  ];

describe('own items: edit, delete and undo for every kind (enforced by the server)', () => {
  const room = workshopPerTest();
  let a: JoinResponse;
  let b: JoinResponse;
  const board = async (token: string) => {
    const cl = room.client('board', token);
    await synced(cl);
    return cl;
  };

  beforeEach(async () => {
    a = await joinAs(room.server.url, room.w, 'Anouk', 0);
    b = await joinAs(room.server.url, room.w, 'Bram', 0);
  });

  it('lets the author edit, delete and re-create each kind; the room sees each step; nothing is refused', async () => {
    const phone = await board(a.token);
    const other = await board(b.token);
    const reader = await board(room.w.tokens.researcher);
    const groupId = room.w.groups[0]!.id;
    // Participants write into the session that is on (the server enforces it): the facilitator moves along.
    const facilitator = ioClient(room.server.url, room.w.tokens.facilitator);
    await facilitator.connected();
    try {
      for (const k of KINDS) {
        expect(await facilitator.command({ type: 'session.goto', sessionId: k.sessionId }), k.kind).toEqual({
          ok: true,
        });
        const step = async (what: string, fn: () => boolean) => {
          await waitFor(fn).catch(() => {
            throw new Error(`${k.kind}: not ${what} (closes: ${JSON.stringify(phone.closes)})`);
          });
        };
        const id = `own-${k.kind}`;
        const createdAt = Date.now() - 60_000;
        const base = { id, kind: k.kind, sessionId: k.sessionId, groupId, authorId: a.participantId, createdAt };
        phone.doc.transact(() => addItem(phone.doc, { ...base, updatedAt: createdAt, ...k.fields }));
        await step('created', () => itemsMap(reader.doc).has(id));

        phone.doc.transact(() => patchItem(phone.doc, id, k.edit, Date.now()));
        const [field, value] = Object.entries(k.edit)[0]!;
        await step('edited', () => itemsMap(reader.doc).get(id)?.get(field) === value);

        phone.doc.transact(() => itemsMap(phone.doc).delete(id));
        await step('deleted', () => !itemsMap(reader.doc).has(id));

        // Undo: the same id, creation time and (edited) fields. (A hidden item is offered no undo: a participant may
        // not create a hidden item, so what the facilitator hid never comes back through delete and undo.)
        phone.doc.transact(() => addItem(phone.doc, { ...base, updatedAt: Date.now(), ...k.fields, ...k.edit }));
        await step('restored', () => itemsMap(reader.doc).get(id)?.get(field) === value);
        const back = readItem(itemsMap(reader.doc).get(id)!);
        expect(back.createdAt, k.kind).toBe(createdAt);
        expect(back.hidden ?? false, k.kind).toBe(false);
        expect(phone.closes, k.kind).toEqual([]);
      }
    } finally {
      facilitator.close();
    }
    // Someone else's edit of any of them is still refused.
    await waitFor(() => itemsMap(other.doc).has(`own-${KINDS.at(-1)!.kind}`));
    other.doc.transact(() => patchItem(other.doc, 'own-note', { text: 'Overschreven' }, Date.now()));
    await waitFor(() => other.closes.length > 0);
    expect(readItem(itemsMap(reader.doc).get('own-note')!).text).toBe('Bewerkte notitie');
  });
});
