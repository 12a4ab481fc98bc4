import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, FacilitatorLinkResponse, WorkshopListResponse } from '../../shared/protocol';
import { JOIN_CODE_ALPHABET } from '../../shared/ids';
import { api, createWorkshop, ioClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('REST API', () => {
  let server: TestServer;
  let w: CreateWorkshopResponse;
  beforeAll(async () => {
    server = await startServer();
    w = await createWorkshop(server.url, server.organiserKey);
  });
  afterAll(() => server.close());

  it('answers the health check', async () => {
    expect(await api(server.url, '/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('creates a workshop with absolute links that carry their secret', async () => {
    expect(w.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(w.groups.map((g) => g.name)).toEqual(['Utrecht', 'Zaandam', 'Dordrecht']);
    expect(w.links.facilitator).toBe(`${server.url}/f/${w.id}#${w.tokens.facilitator}`);
    expect(w.links.screen).toContain(w.tokens.screen);
    expect(w.links.researcher).toContain(w.tokens.researcher);
    expect(w.links.join).toBe(`${server.url}/j/${w.joinCode}`);
  });

  it('needs the organiser key to create a workshop', async () => {
    const body = { title: 'x', groups: ['a'] };
    expect((await api(server.url, '/api/workshops', { body })).status).toBe(401);
    expect((await api(server.url, '/api/workshops', { body, token: 'wrong' })).status).toBe(403);
  });

  it('a lost console link: the organiser key lists the workshops and hands out a new facilitator link', async () => {
    const key = server.organiserKey;
    expect((await api(server.url, '/api/workshops')).status).toBe(401);
    expect((await api(server.url, '/api/workshops', { token: 'wrong' })).status).toBe(403);
    expect((await api(server.url, '/api/workshops', { token: w.tokens.facilitator })).status).toBe(403);
    const list = await api<WorkshopListResponse>(server.url, '/api/workshops', { token: key });
    expect(list.status).toBe(200);
    expect(list.body.workshops).toContainEqual({
      id: w.id,
      title: expect.any(String),
      joinCode: w.joinCode,
      createdAt: expect.any(Number),
    });
    expect(JSON.stringify(list.body)).not.toContain(w.tokens.screen); // no secrets in the list

    const other = await createWorkshop(server.url, key);
    // Renamed in the console: the organiser's list shows the new title (the one the facilitator gave it last).
    const facilitator = ioClient(server.url, other.tokens.facilitator);
    try {
      await facilitator.connected();
      expect(await facilitator.command({ type: 'workshop.update', title: 'Werkplaats Dordrecht' })).toEqual({
        ok: true,
      });
    } finally {
      facilitator.close();
    }
    const renamed = await api<WorkshopListResponse>(server.url, '/api/workshops', { token: key });
    expect(renamed.body.workshops.find((x) => x.id === other.id)?.title).toBe('Werkplaats Dordrecht');
    const path = `/api/workshops/${other.id}/facilitator-link`;
    expect((await api(server.url, path, { method: 'POST', token: 'wrong' })).status).toBe(403);
    expect((await api(server.url, path, { method: 'POST', token: other.tokens.facilitator })).status).toBe(403);
    expect((await api(server.url, '/api/workshops/nope/facilitator-link', { method: 'POST', token: key })).status).toBe(
      404,
    );
    const fresh = await api<FacilitatorLinkResponse>(server.url, path, { method: 'POST', token: key });
    expect(fresh.status).toBe(200);
    expect(fresh.body.link).toBe(`${server.url}/f/${other.id}#${fresh.body.token}`);
    expect(fresh.body.token).not.toBe(other.tokens.facilitator);
    // The new link is the facilitator's; the lost one no longer opens the console; the other links still work.
    expect((await api(server.url, '/api/me', { token: fresh.body.token })).body).toMatchObject({
      workshopId: other.id,
      role: 'facilitator',
    });
    expect((await api(server.url, '/api/me', { token: other.tokens.facilitator })).status).toBe(401);
    expect((await api(server.url, '/api/me', { token: other.tokens.screen })).status).toBe(200);
  });

  it('answers bad input with a clear JSON error and a fitting status', async () => {
    const key = server.organiserKey;
    const bad = await api<{ error: { code: string; message: string } }>(server.url, '/api/workshops', {
      token: key,
      body: { title: '', groups: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.message).toMatch(/title|groups/);
    expect((await api(server.url, '/api/workshops', { token: key, raw: '{nope' })).status).toBe(400);
    const huge = await api(server.url, '/api/workshops', {
      token: key,
      raw: JSON.stringify({ title: 'x', groups: ['a'.repeat(100_000)] }),
    });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    expect((await api(server.url, '/api/nothing-here')).status).toBe(404);
  });

  it('lets a person join with the code, case and dashes forgiven', async () => {
    const info = await api<{ title: string; groups: unknown[] }>(server.url, `/api/join/${w.joinCode.toLowerCase()}`);
    expect(info.status).toBe(200);
    expect(info.body.title).toBe('Testwerkplaats');
    const joined = await api<{ workshopId: string; token: string }>(server.url, '/api/join', {
      body: {
        code: w.joinCode.slice(0, 3) + '-' + w.joinCode.slice(3),
        name: 'Bert',
        groupId: w.groups[1]!.id,
        side: 'formal',
        consent: true,
      },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.workshopId).toBe(w.id);
    const me = await api(server.url, '/api/me', { token: joined.body.token });
    expect(me.body).toMatchObject({ workshopId: w.id, role: 'participant' });
  });

  it('refuses joining without consent, with an unknown group or code', async () => {
    const base = { code: w.joinCode, name: 'C', groupId: w.groups[0]!.id, side: 'informal', consent: true };
    expect((await api(server.url, '/api/join', { body: { ...base, consent: false } })).status).toBe(400);
    expect((await api(server.url, '/api/join', { body: { ...base, side: 'both' } })).status).toBe(400);
    expect((await api(server.url, '/api/join', { body: { ...base, groupId: 'gnope' } })).status).toBe(404);
    expect((await api(server.url, '/api/join', { body: { ...base, code: 'AAAAAA' } })).status).toBe(404);
    expect((await api(server.url, '/api/join/zzz')).status).toBe(404);
  });

  it('gives the links only to the facilitator', async () => {
    const ok = await api<{ screen: string }>(server.url, `/api/workshops/${w.id}/links`, {
      token: w.tokens.facilitator,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.screen).toBe(w.links.screen);
    expect((await api(server.url, `/api/workshops/${w.id}/links`, { token: w.tokens.researcher })).status).toBe(403);
    expect((await api(server.url, `/api/workshops/${w.id}/links`)).status).toBe(401);
  });
});
