import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import { api, createWorkshop, joinAs } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

/**
 * A workshop takes a large conference plenary: 1,000 participants join (docs/SECURITY.md, limits), the next one is
 * told the workshop is full (`429 too_many`).
 */
describe('participants per workshop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets 1,000 people join one workshop and tells the next that it is full', { timeout: 180_000 }, async () => {
    expect(LIMITS.participantsPerWorkshop).toBe(1000);
    const w = await createWorkshop(server.url, server.organiserKey);
    // Ten at a time, as people arrive in a room (joins from this machine are not rate-limited).
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < LIMITS.participantsPerWorkshop) {
          const i = next++;
          await joinAs(server.url, w, `Deelnemer ${i + 1}`, i % w.groups.length);
        }
      }),
    );
    const r = await api<{ error: { code: string } }>(server.url, '/api/join', {
      body: { code: w.joinCode, name: 'Eén te veel', groupId: w.groups[0]!.id, side: 'formal', consent: true },
    });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('too_many');
  });
});
