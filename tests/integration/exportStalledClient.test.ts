import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { exportDeliveries, setDeliveryIdleMs } from '../../server/export/exportProcess';
import { createWorkshop, waitFor } from '../helpers/clients';
import { startServer, writeAsServer, type TestServer } from '../helpers/startServer';

/**
 * Issue 15, as a room has it: the researcher's laptop goes to sleep halfway through downloading a large export. The
 * export process writes each body straight to the request's socket (server/export/worker.ts); a client that reads
 * nothing for a while is let go, with its body, and meanwhile everyone else's exports are made and delivered whole.
 */

// Half as much again as the kernel buffers between the export process and a client that reads nothing can hold: a
// sending socket grows to at most `net.ipv4.tcp_wmem`'s last value (4 MiB by default), a receiving one that is never
// read stays near its first size (`tcp_rmem`'s middle one, 128 KiB). Each note is about 580 bytes of JSON.
const kernelValues = (name: string) =>
  readFileSync(`/proc/sys/net/ipv4/${name}`, 'utf8').trim().split(/\s+/).map(Number);
const BUFFERED = kernelValues('tcp_wmem')[2]! + kernelValues('tcp_rmem')[1]!;
const NOTES = Math.max(12_000, Math.ceil((1.5 * BUFFERED) / 580));
const IDLE_MS = 1500;

/** A plain HTTP/1.1 GET on a socket of its own that reads nothing until `resume` is called. */
function stalledGet(url: string, path: string, token: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  // Paused before it connects: not one byte is read from the kernel until `resume`.
  socket.pause();
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  return {
    /** Reads whatever is left until the connection ends: the status line, the Content-Length and the body's size. */
    resume: () =>
      new Promise<{ status: number; contentLength: number; bodyBytes: number }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.once('error', reject);
        socket.once('close', () => {
          const all = Buffer.concat(chunks);
          const end = all.indexOf('\r\n\r\n');
          const head = all.subarray(0, end).toString('latin1');
          resolve({
            status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]),
            contentLength: Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]),
            bodyBytes: all.byteLength - end - 4,
          });
        });
        socket.resume();
      }),
  };
}

describe('an export whose client stops reading', () => {
  let server: TestServer;
  let idleBefore: number;
  beforeAll(async () => {
    idleBefore = setDeliveryIdleMs(IDLE_MS);
    server = await startServer();
  });
  afterAll(async () => {
    setDeliveryIdleMs(idleBefore);
    await server?.close();
  });

  it(
    'is let go after the idle time while every other export is made and delivered whole',
    { timeout: 120_000 },
    async () => {
      const w = await createWorkshop(server.url, server.organiserKey);
      const t0 = Date.now();
      const text = 'Wat ons opviel bij de samenwerking met het wijkteam en de vrijwilligers. '.repeat(6);
      expect(text.length).toBeLessThanOrEqual(LIMITS.itemText);
      await writeAsServer(server, `${w.id}/board`, (doc) => {
        for (let i = 0; i < NOTES; i++) {
          addItem(doc, {
            id: `n${i}`,
            kind: 'note',
            sessionId: 'opening',
            groupId: w.groups[0]!.id,
            authorId: null,
            createdAt: t0,
            updatedAt: t0,
            text: `${i} ${text}`,
          });
        }
      });
      const path = `/api/workshops/${w.id}/export?format=json`;

      // The laptop asks and then reads nothing: its delivery is under way and stays so.
      const laptop = stalledGet(server.url, path, w.tokens.facilitator);
      await waitFor(() => exportDeliveries() === 1, { timeout: 60_000 });
      const stalledSince = Date.now();

      // Another researcher's export meanwhile: made, delivered and whole.
      const other = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      });
      expect(other.status).toBe(200);
      const body = await other.text();
      expect(Buffer.byteLength(body)).toBe(Number(other.headers.get('content-length')));
      expect((JSON.parse(body) as { items: unknown[] }).items).toHaveLength(NOTES);
      expect(Buffer.byteLength(body)).toBeGreaterThan(BUFFERED);

      // The stalled one is let go once it has read nothing for the idle time, not before.
      await waitFor(() => exportDeliveries() === 0, { timeout: 30_000 });
      expect(Date.now() - stalledSince).toBeGreaterThanOrEqual(IDLE_MS - 100);

      // Woken up, the laptop gets what was on its way and then the end of the connection: less than the
      // Content-Length it was promised, so its browser reports the download as failed instead of keeping a cut file.
      const got = await laptop.resume();
      expect(got.status).toBe(200);
      expect(got.contentLength).toBe(Buffer.byteLength(body));
      expect(got.bodyBytes).toBeGreaterThan(0);
      expect(got.bodyBytes).toBeLessThan(got.contentLength);

      // And the next export is made as before.
      const after = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      });
      expect(after.status).toBe(200);
      expect(await after.text()).toBe(body);
    },
  );
});
