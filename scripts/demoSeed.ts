import { itemsMap } from '../shared/boardDoc';
import type { CreateWorkshopResponse } from '../shared/protocol';
import { DEFAULT_PROGRAMME } from '../shared/template';
import { createWorkshop, SimDoc, SimFacilitator, SimPhone } from '../tests/sim/simulator';
import { DEMO_COOPERATIONS, DEMO_NOTES, DEMO_PEOPLE } from './demoContent';
import { DEMO_SEEDERS } from './demo/registry';
import type { DemoContext } from './demo/types';

export interface DemoResult {
  workshop: CreateWorkshopResponse;
  itemCount: number;
}

/**
 * Seeds a demo workshop into a running server by playing people through the real API and sync path:
 * twenty participants join, and every session of the programme gets its contributions (from the exercise's own
 * seeder when it has one, else notes).
 */
export async function seedDemo(url: string, organiserKey: string): Promise<DemoResult> {
  const workshop = await createWorkshop(url, organiserKey, 'Tweedaagse onderzoekswerkplaats (demo)', [
    ...DEMO_COOPERATIONS,
  ]);
  const groupId = (name: string) => workshop.groups.find((g) => g.name === name)?.id ?? '';
  const phones = await Promise.all(
    DEMO_PEOPLE.map((p) =>
      SimPhone.join(url, workshop, { name: p.name, groupId: groupId(p.cooperation), side: p.side }),
    ),
  );
  const facilitator = new SimFacilitator(url, workshop.tokens.facilitator);
  const start = Date.now() - 2 * 24 * 3600_000;
  const ctx: DemoContext = {
    url,
    workshop,
    phones,
    facilitator,
    at: (day, hour, minute = 0) => start + (day - 1) * 24 * 3600_000 + hour * 3600_000 + minute * 60_000,
  };
  let itemCount = 0;
  try {
    for (const [s, session] of DEFAULT_PROGRAMME.entries()) {
      await facilitator.must({ type: 'session.goto', sessionId: session.id });
      const seeder = DEMO_SEEDERS[session.id];
      if (seeder) {
        itemCount += await seeder(ctx);
        continue;
      }
      for (const [i, text] of (DEMO_NOTES[session.id] ?? []).entries()) {
        phones[(s * 3 + i) % phones.length]?.postNote(session.id, text, ctx.at(session.day, 9 + s, i));
        itemCount++;
      }
    }
    await facilitator.must({ type: 'session.goto', sessionId: DEFAULT_PROGRAMME[0]!.id });
    // Wait until the screen sees every item: then the server has them all, and closing the phones loses nothing.
    const screen = new SimDoc(url, workshop.id, 'board', workshop.tokens.screen);
    try {
      await screen.synced();
      await screen.waitFor(() => itemsMap(screen.doc).size >= itemCount, 20_000, 'all demo items on the screen');
    } finally {
      screen.destroy();
    }
    return { workshop, itemCount };
  } finally {
    facilitator.close();
    for (const p of phones) p.close();
  }
}
