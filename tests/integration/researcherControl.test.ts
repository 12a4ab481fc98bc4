import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patchExerciseState, readExerciseStates, readParticipants } from '../../shared/controlDoc';
import { ioClient, joinAs, synced, waitFor, type YClient } from '../helpers/clients';
import { writeAsServer } from '../helpers/startServer';
import { workshopPerTest } from '../helpers/workshopPerTest';

/** The live control document a researcher receives names participants by pseudonym only; staff and phones by name. */
describe('the control document a researcher receives', () => {
  const room = workshopPerTest();
  const client = (token: string) => room.client('control', token);

  it('holds pseudonyms instead of names, live, after a rename and after a reconnect', async () => {
    const anouk = await joinAs(room.server.url, room.w, 'Anouk Bakker');
    const zoe = await joinAs(room.server.url, room.w, 'Zoë Verhoeven'.normalize('NFD'), 1);
    const researcher = client(room.w.tokens.researcher);
    const facilitator = client(room.w.tokens.facilitator);
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
    const sukru = await joinAs(room.server.url, room.w, 'Şükrü Doğan', 2, 'informal');
    const f = ioClient(room.server.url, room.w.tokens.facilitator);
    await f.connected();
    try {
      const ack = await f.command({ type: 'participant.rename', participantId: zoe.participantId, name: 'Zoë V.' });
      expect(ack.ok).toBe(true);
    } finally {
      f.close();
    }
    await writeAsServer(room.server, `${room.w.id}/control`, (doc) =>
      patchExerciseState(doc, 'opening', {
        note: 'Anouk en Sukru Dogan presenteren',
        by: anouk.participantId,
        // A researcher's own name, assigned to a cooperation: theirs, not a participant's, even when it shares one.
        researchers: { [room.w.groups[0]!.id]: 'Anouk de Onderzoeker' },
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
      researchers: { [room.w.groups[0]!.id]: 'Anouk de Onderzoeker' },
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
    await writeAsServer(room.server, `${room.w.id}/control`, (doc) => patchExerciseState(doc, 'opening', { step: 2 }));
    await waitFor(() => readExerciseStates(researcher.doc).opening?.step === 2);
    expect(researcher.closes.filter((c) => c.code >= 4000)).toEqual([]);
    expect(Y.encodeStateVector(researcher.doc)).toEqual(Y.encodeStateVector(facilitator.doc));
    expect(names(researcher).map(([p]) => p)).toEqual(['P01', 'P02', 'P03']);
  });
});
