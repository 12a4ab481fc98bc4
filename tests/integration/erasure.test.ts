import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import type { ExportModel } from '../../server/export/model';
import { api, createWorkshop, ioClient, joinAs } from '../helpers/clients';
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
