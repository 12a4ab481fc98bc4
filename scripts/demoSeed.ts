import type { CreateWorkshopResponse } from '../shared/protocol';
import { DEFAULT_PROGRAMME } from '../shared/template';
import { itemsMap } from '../shared/boardDoc';
import { createWorkshop, SimDoc, SimFacilitator, SimPhone } from '../tests/sim/simulator';
import { DEMO_COOPERATIONS, DEMO_NOTES, DEMO_PEOPLE } from './demoContent';

export interface DemoResult {
  workshop: CreateWorkshopResponse;
  itemCount: number;
}

/**
 * Seeds a demo workshop into a running server by playing people through the real API and sync path:
 * twenty participants join, and every session of the programme gets its contributions.
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
  let itemCount = 0;
  // Contributions get times spread over the two days, as they would have been written.
  const day1 = Date.now() - 2 * 24 * 3600_000;
  try {
    for (const [s, session] of DEFAULT_PROGRAMME.entries()) {
      await facilitator.must({ type: 'session.goto', sessionId: session.id });
      const notes = DEMO_NOTES[session.id] ?? [];
      for (const [i, text] of notes.entries()) {
        const phone = phones[(s * 3 + i) % phones.length];
        const at = day1 + (session.day - 1) * 24 * 3600_000 + s * 3600_000 + i * 60_000;
        phone?.postNote(session.id, text, at);
        itemCount++;
      }
    }
    await facilitator.must({ type: 'session.goto', sessionId: DEFAULT_PROGRAMME[0]!.id });
    // Wait until the screen sees every note: then the server has them all, and closing the phones loses nothing.
    const screen = new SimDoc(url, workshop.id, 'board', workshop.tokens.screen);
    try {
      await screen.synced();
      await screen.waitFor(() => itemsMap(screen.doc).size >= itemCount, 20_000, 'all demo notes on the screen');
    } finally {
      screen.destroy();
    }
    return { workshop, itemCount };
  } finally {
    facilitator.close();
    for (const p of phones) p.close();
  }
}
