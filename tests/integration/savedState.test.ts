import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../shared/boardDoc';
import { EVENTS } from '../../shared/protocol';
import { serverHasAll } from '../../client/sync/savedCheck';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('a phone can tell whether the server has everything it wrote', () => {
  let server: TestServer;
  const open: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const x of open.splice(0)) x.destroy();
    await server.close();
  });

  it('compares its state vector with the server’s: unsaved while offline, saved after resync', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = yClient(server.url, w.id, 'board', a.token);
    const io = ioClient(server.url, a.token);
    open.push(phone, { destroy: io.close });
    await synced(phone);
    await io.connected();
    const saved = () =>
      new Promise<boolean>((resolve) =>
        io.socket.emit(EVENTS.stateVector, 'board', (sv: string | null) =>
          resolve(
            serverHasAll(
              Y.decodeStateVector(Y.encodeStateVector(phone.doc)),
              Y.decodeStateVector(new Uint8Array(Buffer.from(sv ?? '', 'base64'))),
            ),
          ),
        ),
      );
    const note = (id: string) => ({
      id,
      kind: 'note',
      sessionId: 'opening',
      groupId: null,
      authorId: a.participantId,
      createdAt: Date.now() + 1,
      updatedAt: Date.now() + 1,
      text: 'bewaard?',
    });
    expect(await saved()).toBe(true);
    phone.provider.disconnect();
    phone.doc.transact(() => addItem(phone.doc, note('n1')));
    expect(await saved()).toBe(false);
    phone.provider.connect();
    await waitFor(saved);
    // Documents the phone may not read get no answer.
    const refused = await new Promise((resolve) => io.socket.emit(EVENTS.stateVector, 'research', resolve));
    expect(refused).toBeNull();
  });
});
