import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem, patchItem } from '../../shared/boardDoc';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import type { ExportModel } from '../../server/export/model';
import { api, createWorkshop, ioClient, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

const exportAs = (s: TestServer, w: CreateWorkshopResponse, format: string, token: string, extra = '') =>
  fetch(`${s.url}/api/workshops/${w.id}/export?format=${format}${extra}`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('consent', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(() => server.close());

  it('records the consent version and time at join, and bumps the version when the text changes', async () => {
    const before = Date.now();
    await joinAs(server.url, w, 'Anna Eerst');
    const f = ioClient(server.url, w.tokens.facilitator);
    await f.connected();
    // Same title, no consent text: not a new version.
    expect(await f.command({ type: 'workshop.update', title: 'Nieuw' })).toEqual({ ok: true });
    const text = { nl: 'Nieuwe toestemmingstekst', en: 'New consent text' };
    expect(await f.command({ type: 'workshop.update', consentText: text })).toEqual({ ok: true });
    // The same text again is no change either.
    expect(await f.command({ type: 'workshop.update', consentText: text })).toEqual({ ok: true });
    f.close();
    await joinAs(server.url, w, 'Bas Later');
    const model = (await (await exportAs(server, w, 'json', w.tokens.researcher)).json()) as ExportModel;
    expect(model.participants.map((p) => p.consentVersion)).toEqual([1, 2]);
    for (const p of model.participants) expect(Date.parse(p.consentAt ?? '')).toBeGreaterThanOrEqual(before);
    const cases = await (await exportAs(server, w, 'cases', w.tokens.researcher)).text();
    expect(cases.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Case,cooperation,side,consentVersion,consentAt');
    expect(cases.split('\r\n')[2]).toMatch(/^P02,Utrecht,formal,2,\d{4}-/);
    const info = await api<{ consentText: unknown }>(server.url, `/api/join/${w.joinCode}`);
    expect(info.status).toBe(200);
  });
});

describe('real names option', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(() => server.close());

  it('gives the facilitator real names on request, refuses researchers, and pseudonymises by default', async () => {
    await joinAs(server.url, w, 'Fenna Echtnaam');
    const real = (await (await exportAs(server, w, 'json', w.tokens.facilitator, '&names=real')).json()) as ExportModel;
    expect(real.participants[0]?.pseudonym).toBe('Fenna Echtnaam');
    const plain = await (await exportAs(server, w, 'json', w.tokens.facilitator)).text();
    expect(plain).not.toContain('Fenna');
    expect((await exportAs(server, w, 'json', w.tokens.researcher, '&names=real')).status).toBe(403);
    expect((await exportAs(server, w, 'csv', w.tokens.researcher, '&names=real')).status).toBe(403);
    expect((await exportAs(server, w, 'json', w.tokens.facilitator, '&names=maybe')).status).toBe(400);
    const md = await (await exportAs(server, w, 'cases', w.tokens.facilitator, '&names=real')).text();
    expect(md).toContain('Fenna Echtnaam');
  });
});

describe('deleting a workshop', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  beforeEach(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterEach(() => server.close());

  it('removes its log, snapshots, tokens, claims, row, uploads and open connections; only the facilitator may', async () => {
    const other = await createWorkshop(server.url, server.organiserKey);
    const a = await joinAs(server.url, w, 'Daan Weg');
    const phone = yClient(server.url, w.id, 'board', a.token);
    await synced(phone);
    phone.doc.transact(() =>
      addItem(phone.doc, {
        id: 'i1',
        kind: 'note',
        sessionId: 'opening',
        groupId: w.groups[0]?.id ?? null,
        authorId: a.participantId,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        text: 'Verdwijnt helemaal',
      }),
    );
    const uploads = path.join(server.dataDir, 'uploads', w.id);
    mkdirSync(uploads, { recursive: true });
    writeFileSync(path.join(uploads, 'photo.jpg'), 'jpeg');
    const del = (token: string, id = w.id) => api(server.url, `/api/workshops/${id}`, { method: 'DELETE', token });
    expect((await del(w.tokens.researcher)).status).toBe(403);
    expect((await del(a.token)).status).toBe(403);
    expect((await del(other.tokens.facilitator)).status).toBe(403);
    await waitFor(async () =>
      (await exportAs(server, w, 'json', w.tokens.facilitator)).text().then((t) => t.includes('Verdwijnt')),
    );
    expect(await del(w.tokens.facilitator)).toEqual({ status: 200, body: { deleted: true } });
    await waitFor(() => phone.closes.length > 0);
    phone.destroy();
    expect(existsSync(uploads)).toBe(false);
    expect((await exportAs(server, w, 'json', w.tokens.facilitator)).status).toBe(401);
    expect((await api(server.url, `/api/join/${w.joinCode}`)).status).toBe(404);
    const db = new Database(path.join(server.dataDir, 'werkplaats.sqlite'), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get(`${w.id}/%`) as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM updates WHERE doc LIKE ?')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM snapshots WHERE doc LIKE ?')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM client_claims WHERE doc LIKE ?')).toBe(0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM tokens WHERE workshop_id = ?').get(w.id) as { n: number }).n).toBe(0);
    expect(db.prepare('SELECT * FROM workshops WHERE id = ?').get(w.id)).toBeUndefined();
    // The other workshop is untouched.
    expect(db.prepare('SELECT id FROM workshops WHERE id = ?').get(other.id)).toEqual({ id: other.id });
    db.close();
    const raw = Buffer.concat(
      ['werkplaats.sqlite', 'werkplaats.sqlite-wal']
        .map((f) => path.join(server.dataDir, f))
        .filter(existsSync)
        .map((f) => readFileSync(f)),
    );
    expect(raw.includes(Buffer.from('Verdwijnt helemaal'))).toBe(false);
    expect(raw.includes(Buffer.from('Daan Weg'))).toBe(false);
  });
});

describe('deleting a workshop while a phone types in it', () => {
  it('stores nothing of it after the delete, however much was in flight', async () => {
    const server = await startServer();
    try {
      const w = await createWorkshop(server.url, server.organiserKey);
      const a = await joinAs(server.url, w, 'Eva Typt');
      const phone = yClient(server.url, w.id, 'board', a.token);
      await synced(phone);
      const note = { id: 'typed', kind: 'note', sessionId: 'opening', groupId: w.groups[0]?.id ?? null };
      phone.doc.transact(() =>
        addItem(phone.doc, {
          ...note,
          authorId: a.participantId,
          createdAt: Date.now(),
          updatedAt: Date.now(),
          text: 'E',
        }),
      );
      // Typing as a person does, a key every 30 ms, until the server closes the connection.
      let text = 'E';
      const typing = setInterval(() => {
        text += 'a';
        patchItem(phone.doc, 'typed', { text }, Date.now());
      }, 30);
      const db = new Database(path.join(server.dataDir, 'werkplaats.sqlite'), { readonly: true });
      const rows = () =>
        (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE doc LIKE ?').get(`${w.id}/%`) as { n: number }).n;
      const boardRows = () =>
        (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE doc = ?').get(`${w.id}/board`) as { n: number }).n;
      try {
        await waitFor(() => boardRows() >= 10);
        const res = await api(server.url, `/api/workshops/${w.id}`, { method: 'DELETE', token: w.tokens.facilitator });
        expect(res.status).toBe(200);
        await waitFor(() => phone.closes.length > 0);
      } finally {
        clearInterval(typing);
        phone.destroy();
      }
      // Closing the server stores whatever was still queued; none of it may be this workshop's.
      await server.close();
      expect(rows()).toBe(0);
      db.close();
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});
