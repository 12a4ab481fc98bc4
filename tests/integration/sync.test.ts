import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems } from '../../shared/boardDoc';
import { readControl, currentSession } from '../../shared/controlDoc';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { noteItem } from '../helpers/items';
import { startServer } from '../helpers/startServer';
import { workshopPerTest } from '../helpers/workshopPerTest';

describe('sync endpoint', () => {
  const room = workshopPerTest();
  const client = room.client;

  it('propagates a participant note to other phones, the facilitator and the screen', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha', 0, 'informal');
    const b = await joinAs(room.server.url, room.w, 'Bert', 1, 'formal');
    const phoneA = client('board', a.token);
    const phoneB = client('board', b.token);
    const screen = client('board', room.w.tokens.screen);
    const facilitator = client('board', room.w.tokens.facilitator);
    await Promise.all([phoneA, phoneB, screen, facilitator].map(synced));

    phoneA.doc.transact(() => addItem(phoneA.doc, noteItem('n1', a.participantId, { text: 'Zij kennen de families' })));
    for (const c of [phoneB, screen, facilitator]) {
      await waitFor(() => readItems(c.doc).some((i) => i.text === 'Zij kennen de families'));
    }
    expect(readItems(screen.doc)[0]).toMatchObject({ authorId: a.participantId, kind: 'note' });
  });

  it('every client sees the control document the server wrote', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const phone = client('control', a.token);
    await synced(phone);
    const c = readControl(phone.doc);
    expect(c.meta?.title).toBe('Testwerkplaats');
    expect(c.groups.map((g) => g.name)).toEqual(['Utrecht', 'Zaandam', 'Dordrecht']);
    expect(c.participants.map((p) => p.name)).toEqual(['Aïcha']);
    expect(currentSession(c)?.id).toBe('opening');
  });

  it("refuses a participant's write to the control document: nothing changes on the server or other clients", async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const phone = client('control', a.token);
    const watcher = client('control', room.w.tokens.facilitator);
    await Promise.all([phone, watcher].map(synced));

    phone.doc.transact(() => phone.doc.getMap('state').set('currentSessionId', 'afsluiting'));
    // A later room.server write proves the refused one was not merely slow: it arrives, the forged one never does.
    const fac = ioClient(room.server.url, room.w.tokens.facilitator);
    room.open.push({ destroy: fac.close });
    await fac.connected();
    expect(await fac.command({ type: 'input.lock', locked: true })).toEqual({ ok: true });
    await waitFor(() => readControl(watcher.doc).state?.locked === true);
    expect(readControl(watcher.doc).state?.currentSessionId).toBe('opening');

    const fresh = client('control', room.w.tokens.researcher);
    await synced(fresh);
    expect(readControl(fresh.doc).state?.currentSessionId).toBe('opening');
    expect(readControl(fresh.doc).state?.locked).toBe(true);
  });

  it('refuses the research document to participants and the screen, with a 44xx close code', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const phone = client('research', a.token);
    const screen = client('research', room.w.tokens.screen);
    await waitFor(() => phone.closes.length > 0 && screen.closes.length > 0);
    expect(phone.closes[0]?.code).toBe(4403);
    expect(screen.closes[0]?.code).toBe(4403);
    expect(phone.provider.synced).toBe(false);

    const researcher = client('research', room.w.tokens.researcher);
    await synced(researcher);
  });

  it('refuses unknown tokens, other workshops and unknown documents', async () => {
    const other = await createWorkshop(room.server.url, room.server.organiserKey);
    const cases: Array<[YClient, number]> = [
      [client('board', 'not-a-token'), 4401],
      [yClient(room.server.url, room.w.id, 'board', other.tokens.facilitator), 4403],
      [client('secrets', room.w.tokens.facilitator), 4400],
    ];
    room.open.push(cases[1]![0]);
    for (const [c, code] of cases) {
      await waitFor(() => c.closes.length > 0);
      expect(c.closes[0]?.code).toBe(code);
    }
  });

  it('ignores writes from the read-only screen', async () => {
    const screen = client('board', room.w.tokens.screen);
    const facilitator = client('board', room.w.tokens.facilitator);
    await Promise.all([screen, facilitator].map(synced));
    screen.doc.transact(() => addItem(screen.doc, noteItem('forged', 'screen', { text: 'should not land' })));
    facilitator.doc.transact(() => addItem(facilitator.doc, noteItem('real', 'facilitator', { text: 'welkom' })));
    const fresh = client('board', room.w.tokens.researcher);
    await synced(fresh);
    await waitFor(() => itemsMap(fresh.doc).has('real'));
    expect(itemsMap(fresh.doc).has('forged')).toBe(false);
    expect(itemsMap(facilitator.doc).has('forged')).toBe(false);
  });

  it('closes only the connection that sent a malformed message', async () => {
    const good = client('board', room.w.tokens.facilitator);
    await synced(good);
    const bad = new WebSocket(
      `${room.server.url.replace('http', 'ws')}/yjs/${room.w.id}/board?token=${room.w.tokens.researcher}`,
    );
    const closed = new Promise<number>((resolve) => bad.on('close', (code) => resolve(code)));
    await new Promise((r) => bad.on('open', r));
    // Sync message, "update" subtype, then bytes that are not an update.
    bad.send(new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]));
    expect(await closed).toBe(4400);

    good.doc.transact(() => addItem(good.doc, noteItem('after', 'facilitator', { text: 'still here' })));
    const fresh = client('board', room.w.tokens.researcher);
    await waitFor(() => itemsMap(fresh.doc).has('after'));
    expect(good.provider.wsconnected).toBe(true);
  });

  it('keeps what a phone sent right before it closed the connection', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const screen = client('board', room.w.tokens.screen);
    const phone = yClient(room.server.url, room.w.id, 'board', a.token);
    await Promise.all([screen, phone].map(synced));
    // Sent and closed in the same turn: the server still has the message queued when it sees the close.
    for (let i = 0; i < 5; i++)
      phone.doc.transact(() => addItem(phone.doc, noteItem(`last${i}`, a.participantId, { text: `nog even ${i}` })));
    phone.destroy();
    await waitFor(() => readItems(screen.doc).filter((i) => i.id.startsWith('last')).length === 5);
    const later = client('board', room.w.tokens.facilitator);
    await synced(later);
    expect(readItems(later.doc).filter((i) => i.id.startsWith('last'))).toHaveLength(5);
  });

  it('keeps content across a restart on the same DATA_DIR', async () => {
    const a = await joinAs(room.server.url, room.w, 'Aïcha');
    const phone = client('board', a.token);
    await synced(phone);
    phone.doc.transact(() => addItem(phone.doc, noteItem('kept', a.participantId, { text: 'Vertrouwen kost tijd' })));
    const screen = client('board', room.w.tokens.screen);
    await waitFor(() => itemsMap(screen.doc).has('kept'));
    for (const c of room.open.splice(0)) c.destroy();
    const { dataDir } = room.server;
    await room.server.close();

    room.server = await startServer({ dataDir });
    const after = client('board', room.w.tokens.screen);
    await synced(after);
    expect(readItems(after.doc).map((i) => i.text)).toEqual(['Vertrouwen kost tijd']);
    const control = client('control', a.token);
    await synced(control);
    expect(readControl(control.doc).participants.map((p) => p.name)).toEqual(['Aïcha']);
  });

  it('merges concurrent edits of the same item from two clients', async () => {
    const f = client('board', room.w.tokens.facilitator);
    const r = client('board', room.w.tokens.researcher);
    await Promise.all([f, r].map(synced));
    f.doc.transact(() => {
      const m = new Y.Map<unknown>();
      const base = { id: 'shared', kind: 'note', sessionId: 'opening', authorId: null, createdAt: Date.now() };
      for (const [k, v] of Object.entries({ ...base, groupId: null, updatedAt: Date.now() })) m.set(k, v);
      m.set('text', new Y.Text('samen'));
      itemsMap(f.doc).set('shared', m);
    });
    await waitFor(() => itemsMap(r.doc).has('shared'));
    (itemsMap(f.doc).get('shared')?.get('text') as Y.Text).insert(0, 'Wij ');
    (itemsMap(r.doc).get('shared')?.get('text') as Y.Text).insert(5, ' werken');
    await waitFor(
      () =>
        String(itemsMap(f.doc).get('shared')?.get('text')) === String(itemsMap(r.doc).get('shared')?.get('text')) &&
        String(itemsMap(f.doc).get('shared')?.get('text')).length === 'Wij samen werken'.length,
    );
    expect(String(itemsMap(f.doc).get('shared')?.get('text'))).toBe('Wij samen werken');
  });
});
