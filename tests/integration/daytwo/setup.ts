import type { CreateWorkshopResponse, JoinResponse } from '../../../shared/protocol';
import { createWorkshop, ioClient, joinAs, synced, yClient, type YClient } from '../../helpers/clients';
import { startServer, type TestServer } from '../../helpers/startServer';

/** A day-two room: a server, a workshop of three cooperations, two phones in each of the first two. */
export async function dayTwoRoom() {
  const server: TestServer = await startServer();
  const w: CreateWorkshopResponse = await createWorkshop(server.url, server.organiserKey);
  const cleanup: Array<() => void> = [];
  const phones: JoinResponse[] = [
    await joinAs(server.url, w, 'Fatima', 0, 'informal'),
    await joinAs(server.url, w, 'Hanneke', 0, 'formal'),
    await joinAs(server.url, w, 'Ayşe', 1, 'informal'),
    await joinAs(server.url, w, 'Marloes', 1, 'formal'),
  ];
  const socket = async (token: string) => {
    const c = ioClient(server.url, token);
    cleanup.push(c.close);
    await c.connected();
    return c;
  };
  const doc = async (token: string, name = 'board'): Promise<YClient> => {
    const c = yClient(server.url, w.id, name, token);
    cleanup.push(() => c.destroy());
    await synced(c);
    return c;
  };
  const facilitator = await socket(w.tokens.facilitator);
  return {
    server,
    w,
    phones,
    facilitator,
    socket,
    doc,
    goto: (sessionId: string) => facilitator.command({ type: 'session.goto', sessionId }),
    close: async () => {
      for (const f of cleanup.splice(0)) f();
      await server.close();
    },
  };
}
