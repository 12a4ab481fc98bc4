import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readItems } from '../../shared/boardDoc';
import { readControl } from '../../shared/controlDoc';
import { DEFAULT_PROGRAMME } from '../../shared/template';
import { seedDemo, type DemoResult } from '../../scripts/demoSeed';
import { synced, yClient } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/startServer';

describe('demo seed', () => {
  let server: TestServer;
  let demo: DemoResult;
  beforeAll(async () => {
    server = await startServer();
    demo = await seedDemo(server.url, server.organiserKey);
  });
  afterAll(() => server.close());

  it('plays twenty participants of five cooperations through the real join path', async () => {
    const control = yClient(server.url, demo.workshop.id, 'control', demo.workshop.tokens.researcher);
    await synced(control);
    const c = readControl(control.doc);
    control.destroy();
    expect(c.groups.map((g) => g.name)).toEqual(['Utrecht', 'Zaandam', 'Dordrecht', 'Den Haag', 'Zuidplas']);
    expect(c.participants).toHaveLength(20);
    expect(new Set(c.participants.map((p) => p.side))).toEqual(new Set(['formal', 'informal']));
    expect(c.state?.currentSessionId).toBe('opening');
  });

  it('leaves content in every session of the programme, each with an author from the room', async () => {
    const board = yClient(server.url, demo.workshop.id, 'board', demo.workshop.tokens.screen);
    await synced(board);
    const items = readItems(board.doc);
    board.destroy();
    expect(items).toHaveLength(demo.itemCount);
    for (const s of DEFAULT_PROGRAMME)
      expect(
        items.some((i) => i.sessionId === s.id),
        s.id,
      ).toBe(true);
    // Participants' items carry their author; anonymous answers and statements carry none; staff notes name the role.
    const anonymous = new Set(['prejudiceAnswer', 'prejudiceStatement']);
    for (const i of items) {
      if (i.authorId === null) expect(anonymous.has(i.kind), i.kind).toBe(true);
      else expect(i.authorId.startsWith('p') || i.authorId === 'researcher' || i.authorId === 'facilitator').toBe(true);
    }
  });
});
