import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, patchItem, readItems, type Item } from '../../shared/boardDoc';
import { readExerciseState } from '../../shared/controlDoc';
import type { TreeState } from '../../shared/exercises/tree';
import { readRoleCatalogue } from '../../shared/exercises/strengths/catalogue';
import { mergeItems } from '../../shared/exercises/strengths/merge';
import { SOURCE_ROLES } from '../../shared/catalogue/roles';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { createWorkshop, ioClient, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('day-one exercises against a real server', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  const cleanup: Array<() => void> = [];

  const socket = async (token: string) => {
    const c = ioClient(server.url, token);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };
  const doc = async (name: string, token: string) => {
    const c = yClient(server.url, w.id, name, token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };
  const item = (c: YClient, id: string) => readItems(c.doc).find((i) => i.id === id);
  const write = (c: YClient, it: Item) => c.doc.transact(() => addItem(c.doc, it));
  const at = Date.now();
  const base = (id: string, kind: string, sessionId: string, p: JoinResponse, groupId: string | null) => ({
    id,
    kind,
    sessionId,
    groupId,
    authorId: p.participantId,
    createdAt: at,
    updatedAt: at,
  });

  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey, ['Utrecht', 'Zaandam']);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0)) f();
    await server.close();
  });

  it('strengths: participants write, the facilitator merges keeping provenance and curates the role catalogue', async () => {
    const f = await socket(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Anouk', 0, 'formal');
    const b = await joinAs(server.url, w, 'Bilal', 1, 'informal');
    await f.command({ type: 'session.goto', sessionId: 'krachten-rollen' });
    const pa = await doc('board', a.token);
    const pb = await doc('board', b.token);
    const fb = await doc('board', w.tokens.facilitator);
    const s = 'krachten-rollen';
    write(pa, {
      ...base('s1', 'strength', s, a, w.groups[0]!.id),
      text: 'Kennen de wijk',
      dimension: 'knowledge',
      aboutSide: 'informal',
    });
    write(pb, {
      ...base('s2', 'strength', s, b, w.groups[1]!.id),
      text: 'Weten wat er speelt',
      dimension: 'knowledge',
      aboutSide: 'informal',
    });
    write(pb, {
      ...base('r1', 'roleProposal', s, b, w.groups[1]!.id),
      name: 'Wegwijzer',
      description: 'Wijst de weg',
      side: 'formal',
      strengthIds: [],
    });
    await waitFor(() => item(fb, 's1') && item(fb, 's2') && item(fb, 'r1'));

    // The facilitator merges s2 into s1 through the board; both authors and times remain.
    fb.doc.transact(() => mergeItems(fb.doc, 's2', 's1', Date.now()));
    await waitFor(() => item(pa, 's2')?.mergedInto === 's1');
    expect(item(pa, 's1')?.mergedFrom).toEqual(['s2']);
    expect(item(pa, 's2')).toMatchObject({ authorId: b.participantId, text: 'Weten wat er speelt' });

    // Curation is the facilitator's: a participant is refused.
    const pSock = await socket(a.token);
    const refused = await pSock.command({
      type: 'exercise',
      sessionId: s,
      action: 'role.accept',
      payload: { roleId: 'r1', accepted: true },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ex = (action: string, payload: unknown) => f.command({ type: 'exercise', sessionId: s, action, payload });
    expect(await ex('role.accept', { roleId: 'r1', accepted: true })).toEqual({ ok: true });
    expect(await ex('role.rename', { roleId: 'r1', name: 'De wegwijzer' })).toEqual({ ok: true });
    expect(await ex('role.merge', { roleId: 'fixer', intoId: 'r1' })).toEqual({ ok: true });
    expect(await ex('role.accept', { roleId: 'nope', accepted: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const control = await doc('control', a.token);
    await waitFor(() => (readExerciseState(control.doc, s).roleMerges as Record<string, string> | undefined)?.fixer);
    const catalogue = readRoleCatalogue(readItems(pa.doc), readExerciseState(control.doc, s), s);
    expect(catalogue.find((r) => r.id === 'r1')?.name.nl).toBe('De wegwijzer');
    expect(catalogue.some((r) => r.id === 'fixer')).toBe(false);
    expect(catalogue).toHaveLength(SOURCE_ROLES.length);
  });

  it('tree: mixed groups by command, items per zone, moved by the facilitator, linked in the harvest', async () => {
    const f = await socket(w.tokens.facilitator);
    const people = [
      await joinAs(server.url, w, 'A', 0, 'formal'),
      await joinAs(server.url, w, 'B', 0, 'informal'),
      await joinAs(server.url, w, 'C', 1, 'formal'),
      await joinAs(server.url, w, 'D', 1, 'informal'),
    ];
    await f.command({ type: 'session.goto', sessionId: 'boom' });
    const p0 = await socket(people[0]!.token);
    const refused = await p0.command({
      type: 'exercise',
      sessionId: 'boom',
      action: 'groups.generate',
      payload: { size: 2, seed: 1 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await f.command({
        type: 'exercise',
        sessionId: 'boom',
        action: 'groups.generate',
        payload: { size: 2, seed: 5 },
      }),
    ).toEqual({ ok: true });

    const control = await doc('control', people[0]!.token);
    const groups = await waitFor(() => (readExerciseState(control.doc, 'boom') as TreeState).groups);
    expect(groups).toHaveLength(2);
    const sideOf = (id: string) => (people.findIndex((p) => p.participantId === id) % 2 === 0 ? 'formal' : 'informal');
    for (const g of groups) expect(new Set(g.members.map(sideOf)).size).toBe(2);

    const pb = await doc('board', people[0]!.token);
    const fb = await doc('board', w.tokens.facilitator);
    const g0 = groups.find((g) => g.members.includes(people[0]!.participantId))!;
    write(pb, {
      ...base('t1', 'treeItem', 'boom', people[0]!, w.groups[0]!.id),
      text: 'Vaste financiering',
      zone: 'apples',
      treeGroupId: g0.id,
    });
    write(pb, {
      ...base('t2', 'treeItem', 'boom', people[0]!, w.groups[0]!.id),
      text: 'Vaste financiering!',
      zone: 'roots',
      treeGroupId: g0.id,
    });
    await waitFor(() => item(fb, 't1') && item(fb, 't2'));
    fb.doc.transact(() => patchItem(fb.doc, 't1', { zone: 'roots' }, Date.now()));
    await waitFor(() => item(pb, 't1')?.zone === 'roots');

    const other = groups.find((g) => g.id !== g0.id)!;
    const ex = (action: string, payload: unknown) =>
      f.command({ type: 'exercise', sessionId: 'boom', action, payload });
    expect(await ex('groups.move', { participantId: people[0]!.participantId, groupId: other.id })).toEqual({
      ok: true,
    });
    expect(await ex('groups.move', { participantId: people[0]!.participantId, groupId: 'nope' })).toMatchObject({
      ok: false,
    });
    expect(await ex('harvest.link', { itemIds: ['t1', 't2'], label: 'Geld' })).toEqual({ ok: true });
    expect(await ex('harvest.link', { itemIds: ['t1', 'missing'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await waitFor(() => {
      const st = readExerciseState(control.doc, 'boom') as TreeState;
      return (
        st.links?.length === 1 && st.groups?.find((g) => g.id === other.id)?.members.includes(people[0]!.participantId)
      );
    });
  });

  it('prejudice game: answers are anonymous in the document and in the stored log, and only one per person', async () => {
    const f = await socket(w.tokens.facilitator);
    const a = await joinAs(server.url, w, 'Anouk', 0, 'formal');
    const b = await joinAs(server.url, w, 'Bilal', 1, 'informal');
    await f.command({ type: 'session.goto', sessionId: 'vooroordelen' });
    const s = 'vooroordelen';
    const screen = await doc('board', w.tokens.screen);
    const db = new Database(path.join(server.dataDir, 'werkplaats.sqlite'), { readonly: true });
    cleanup.push(() => db.close());
    const before = (db.prepare('SELECT max(seq) AS m FROM updates').get() as { m: number }).m;

    const sa = await socket(a.token);
    const sb = await socket(b.token);
    const answer = (c: typeof sa, value: number, statementId = 'bron-1') =>
      c.command({ type: 'exercise', sessionId: s, action: 'answer', payload: { statementId, value } });
    expect(await answer(sa, 4)).toEqual({ ok: true });
    expect(await answer(sb, 2)).toEqual({ ok: true });
    expect(await answer(sa, 5)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await answer(sa, 5, 'unknown')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await f.command({
        type: 'exercise',
        sessionId: s,
        action: 'answer',
        payload: { statementId: 'bron-1', value: 1 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await sb.command({
        type: 'exercise',
        sessionId: s,
        action: 'statement.add',
        payload: { text: 'Een anonieme stelling' },
      }),
    ).toEqual({ ok: true });
    expect(
      await f.command({
        type: 'exercise',
        sessionId: s,
        action: 'statement.reveal',
        payload: { statementId: 'bron-1', revealed: true },
      }),
    ).toEqual({ ok: true });

    const answers = await waitFor(() => {
      const xs = readItems(screen.doc).filter((i) => i.kind === 'prejudiceAnswer');
      return xs.length === 2 && readItems(screen.doc).some((i) => i.kind === 'prejudiceStatement') ? xs : null;
    });
    expect(answers.map((x) => [x.side, x.value]).sort()).toEqual([
      ['formal', 4],
      ['informal', 2],
    ]);
    for (const x of answers) expect(x.authorId).toBeNull();
    expect(readItems(screen.doc).find((i) => i.kind === 'prejudiceStatement')?.authorId).toBeNull();

    // The stored log since the answers began: no actor and no byte names either participant.
    const rows = db.prepare('SELECT doc, actor, data FROM updates WHERE seq > ?').all(before) as Array<{
      doc: string;
      actor: string;
      data: Buffer;
    }>;
    expect(rows.length).toBeGreaterThan(0);
    const ids = [a.participantId, b.participantId];
    for (const r of rows) {
      for (const id of ids) {
        expect(r.actor).not.toContain(id);
        expect(r.data.includes(Buffer.from(id))).toBe(false);
      }
      const probe = new Y.Doc();
      Y.applyUpdate(probe, new Uint8Array(r.data));
      const hasAnswer = JSON.stringify(probe.getMap('items').toJSON()).includes('prejudiceAnswer');
      if (hasAnswer) expect(r.actor).toBe('server:anonymous');
    }
    expect(rows.filter((r) => r.actor === 'server:anonymous')).toHaveLength(3);
  });
});
