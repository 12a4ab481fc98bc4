import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/boardDoc';
import { findUnsaved } from '../../client/sync/unsaved';

const note = (id: string, text: string) => ({
  id,
  kind: 'note',
  sessionId: 'opening',
  groupId: null,
  authorId: 'p1',
  createdAt: 1,
  updatedAt: 1,
  text,
});

describe('findUnsaved: the items holding what the server lacks', () => {
  it('lists items created or changed beyond the server state vector, not the ones the server has', () => {
    const server = new Y.Doc();
    server.transact(() => {
      addItem(server, note('saved', 'Al bewaard'));
      addItem(server, note('edited', 'Eerste versie'));
      const shared = new Y.Map<unknown>();
      shared.set('id', 'vision');
      shared.set('kind', 'vision');
      shared.set('statement', new Y.Text('Samen'));
      itemsMap(server).set('vision', shared);
    });
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    const sv = Y.decodeStateVector(Y.encodeStateVector(server));
    expect(findUnsaved(phone, sv, 'board')).toEqual([]);

    phone.transact(() => {
      addItem(phone, note('new', 'Nieuw, niet bewaard'));
      itemsMap(phone).get('edited')!.set('text', 'Tweede versie');
      (itemsMap(phone).get('vision')!.get('statement') as Y.Text).insert(5, ' verder');
    });
    const found = findUnsaved(phone, sv, 'board', 42);
    expect(found.map((e) => [e.id, e.text]).sort()).toEqual([
      ['edited', 'Tweede versie'],
      ['new', 'Nieuw, niet bewaard'],
      ['vision', 'Samen verder'],
    ]);
    expect(found.find((e) => e.id === 'new')).toMatchObject({
      kind: 'note',
      sessionId: 'opening',
      doc: 'board',
      at: 42,
    });
  });
});
