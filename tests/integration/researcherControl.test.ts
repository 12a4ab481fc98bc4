import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patchExerciseState, readExerciseStates, readParticipants } from '../../shared/controlDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { ioClient, joinAs, synced, waitFor, yClient, createWorkshop, type YClient } from '../helpers/clients';
import { startServer, writeAsServer, type TestServer } from '../helpers/startServer';

/** The live control document a researcher receives names participants by pseudonym only; staff and phones by name. */
describe('the control document a researcher receives', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const open: YClient[] = [];
  const client = (token: string) => {
    const c = yClient(server.url, w.id, 'control', token);
    open.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
  });

  it('holds pseudonyms instead of names, live, after a rename and after a reconnect', async () => {
    const anouk = await joinAs(server.url, w, 'Anouk Bakker');
    const zoe = await joinAs(server.url, w, 'Zoë Verhoeven'.normalize('NFD'), 1);
    const researcher = client(w.tokens.researcher);
    const facilitator = client(w.tokens.facilitator);
    const phone = client(anouk.token);
    await Promise.all([synced(researcher), synced(facilitator), synced(phone)]);

    const names = (c: YClient) => readParticipants(c.doc).map((p) => [p.pseudonym, p.name]);
    expect(names(researcher)).toEqual([
      ['P01', 'P01'],
      ['P02', 'P02'],
    ]);
    expect(names(facilitator)).toEqual([
      ['P01', 'Anouk Bakker'],
      ['P02', 'Zoë Verhoeven'.normalize('NFD')],
    ]);
    expect(names(phone)).toEqual(names(facilitator));

    // Live updates: a third participant joins, the facilitator renames one, a name is typed into exercise state.
    const sukru = await joinAs(server.url, w, 'Şükrü Doğan', 2, 'informal');
    const f = ioClient(server.url, w.tokens.facilitator);
    await f.connected();
    try {
      const ack = await f.command({ type: 'participant.rename', participantId: zoe.participantId, name: 'Zoë V.' });
      expect(ack.ok).toBe(true);
    } finally {
      f.close();
    }
    await writeAsServer(server, `${w.id}/control`, (doc) =>
      patchExerciseState(doc, 'opening', {
        note: 'Anouk en Sukru Dogan presenteren',
        by: anouk.participantId,
        // A researcher's own name, assigned to a cooperation: theirs, not a participant's, even when it shares one.
        researchers: { [w.groups[0]!.id]: 'Anouk de Onderzoeker' },
      }),
    );
    await waitFor(() => readExerciseStates(facilitator.doc).opening && names(facilitator).length === 3);
    await waitFor(() => readExerciseStates(researcher.doc).opening && names(researcher).length === 3);
    expect(names(facilitator)[1]).toEqual(['P02', 'Zoë V.']);
    expect(names(researcher)).toEqual([
      ['P01', 'P01'],
      ['P02', 'P02'],
      ['P03', 'P03'],
    ]);
    expect(readExerciseStates(researcher.doc).opening).toEqual({
      note: 'P01 en P03 presenteren',
      by: anouk.participantId,
      researchers: { [w.groups[0]!.id]: 'Anouk de Onderzoeker' },
    });
    expect(readExerciseStates(facilitator.doc).opening?.note).toBe('Anouk en Sukru Dogan presenteren');
    // Nothing in the researcher's copy, byte for byte, holds a name.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(researcher.doc)).toString('utf8');
    for (const n of ['Bakker', 'Verhoeven', 'Şükrü', 'Doğan', 'Sukru']) expect(bytes).not.toContain(n);
    expect(bytes).not.toContain('Anouk Bakker');
    expect(sukru.participantId).toBeTruthy();

    // A reconnect resends the researcher's copy: it is not refused, and the copy stays the same CRDT as the server's.
    researcher.provider.disconnect();
    researcher.provider.connect();
    await synced(researcher);
    await writeAsServer(server, `${w.id}/control`, (doc) => patchExerciseState(doc, 'opening', { step: 2 }));
    await waitFor(() => readExerciseStates(researcher.doc).opening?.step === 2);
    expect(researcher.closes.filter((c) => c.code >= 4000)).toEqual([]);
    expect(Y.encodeStateVector(researcher.doc)).toEqual(Y.encodeStateVector(facilitator.doc));
    expect(names(researcher).map(([p]) => p)).toEqual(['P01', 'P02', 'P03']);
  });
});
