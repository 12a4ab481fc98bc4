import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { addItem, itemsMap } from '../../shared/boardDoc';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol';
import { createWorkshop, joinAs, synced, waitFor, yClient, type YClient } from '../helpers/clients';
import { freePort, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { startServer, type TestServer } from '../helpers/startServer';
import { noteItem } from '../helpers/items';

const keys = (c: YClient) => new Set(itemsMap(c.doc).keys());
const tmp = () => mkdtempSync(path.join(tmpdir(), 'werkplaats-fault-'));

describe('durability', { timeout: 60_000 }, () => {
  const open: Array<{ destroy(): void }> = [];
  const procs: ServerProcess[] = [];
  let inProcess: TestServer | null = null;
  const client = (url: string, w: CreateWorkshopResponse, token: string, doc = 'board') => {
    const c = yClient(url, w.id, doc, token);
    open.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    for (const p of procs.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await inProcess?.close();
    inProcess = null;
  });

  it('stores every update in SQLite before it relays it to anyone', async () => {
    inProcess = await startServer();
    const w = await createWorkshop(inProcess.url, inProcess.organiserKey);
    const a = await joinAs(inProcess.url, w, 'Aïcha');
    const db = new Database(path.join(inProcess.dataDir, 'werkplaats.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND data = ?');
    // A raw screen connection: the bytes it receives are exactly what the server relays.
    const ws = new WebSocket(`${inProcess.url.replace('http', 'ws')}/yjs/${w.id}/board?token=${w.tokens.screen}`);
    const relayed: Array<{ inDb: boolean }> = [];
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return;
      const update = decoding.readVarUint8Array(d);
      relayed.push({ inDb: (stored.get(`${w.id}/board`, Buffer.from(update)) as { n: number }).n === 1 });
    });
    await new Promise((r) => ws.on('open', r));
    const phone = client(inProcess.url, w, a.token);
    await synced(phone);
    for (let i = 0; i < 20; i++) phone.doc.transact(() => addItem(phone.doc, noteItem(`n${i}`, a.participantId)));
    await waitFor(() => relayed.length >= 20);
    expect(relayed.every((r) => r.inDb)).toBe(true);
    ws.close();
    db.close();
  });

  it('kill -9 under a write load: nothing a client received is lost, and the server ends with every edit', async () => {
    const dataDir = tmp();
    const port = await freePort();
    let server = await spawnServer({ dataDir, port });
    procs.push(server);
    const w = await createWorkshop(server.url, 'test-organiser-key-of-24-characters');
    const people: JoinResponse[] = [];
    for (const name of ['Aïcha', 'Bert', 'Chris']) people.push(await joinAs(server.url, w, name));
    const phones = people.map((p) => client(server.url, w, p.token));
    const screen = client(server.url, w, w.tokens.screen);
    await Promise.all([...phones, screen].map(synced));

    let n = 0;
    let writing = true;
    const writers = phones.map(async (phone, i) => {
      while (writing) {
        const id = `p${i}-${n++}`;
        phone.doc.transact(() => addItem(phone.doc, noteItem(id, people[i]!.participantId)));
        // Pacing the load generator (a quick typist per phone), not waiting for a result.
        await new Promise((r) => setTimeout(r, 60));
      }
    });
    await waitFor(() => itemsMap(screen.doc).size >= 30, { timeout: 10_000 });
    server.child.kill('SIGKILL');
    await server.exited;
    procs.splice(0);
    const seenByScreen = keys(screen);
    // Phones keep writing while the server is down.
    await waitFor(() => phones.every((p) => !p.provider.wsconnected));
    const before = n;
    await waitFor(() => n > before + 15);
    writing = false;
    await Promise.all(writers);

    server = await spawnServer({ dataDir, port });
    procs.push(server);
    const union = new Set(phones.flatMap((p) => [...keys(p)]));
    const fresh = client(server.url, w, w.tokens.researcher);
    await waitFor(() => keys(fresh).size === union.size, { timeout: 15_000 });
    for (const id of seenByScreen) expect(keys(fresh).has(id)).toBe(true);
    for (const id of union) expect(keys(fresh).has(id)).toBe(true);
    for (const p of phones) await waitFor(() => keys(p).size === union.size);
  });

  it('SIGTERM closes connections cleanly and flushes; a restart has everything, phones resync on their own', async () => {
    const dataDir = tmp();
    const port = await freePort();
    let server = await spawnServer({ dataDir, port });
    procs.push(server);
    const w = await createWorkshop(server.url, 'test-organiser-key-of-24-characters');
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = client(server.url, w, a.token);
    const screen = client(server.url, w, w.tokens.screen);
    await Promise.all([phone, screen].map(synced));
    phone.doc.transact(() => addItem(phone.doc, noteItem('voor', a.participantId)));
    await waitFor(() => itemsMap(screen.doc).has('voor'));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    procs.splice(0);
    expect(server.output()).toContain('SIGTERM');
    await waitFor(() => phone.closes.some((c) => c.code === 1012));
    phone.doc.transact(() => addItem(phone.doc, noteItem('tijdens', a.participantId)));

    server = await spawnServer({ dataDir, port });
    procs.push(server);
    await waitFor(() => itemsMap(screen.doc).has('tijdens'), { timeout: 10_000 });
    const fresh = client(server.url, w, w.tokens.researcher);
    await waitFor(() => keys(fresh).has('voor') && keys(fresh).has('tijdens'));
  });

  it('a server restart while a phone is mid-typing: the text on the server is what the phone typed', async () => {
    const dataDir = tmp();
    const port = await freePort();
    let server = await spawnServer({ dataDir, port });
    procs.push(server);
    const w = await createWorkshop(server.url, 'test-organiser-key-of-24-characters');
    const a = await joinAs(server.url, w, 'Aïcha');
    const phone = client(server.url, w, a.token);
    await synced(phone);
    // A cooperation's shared text (the only place a participant may bind a Y.Text).
    phone.doc.transact(() => {
      addItem(phone.doc, {
        ...noteItem('typing', a.participantId),
        kind: 'visionStatement',
        groupId: w.groups[0]!.id,
        text: new Y.Text(),
        editableBy: 'group',
      });
    });
    const draft = itemsMap(phone.doc).get('typing')?.get('text') as Y.Text;
    const typed = 'Samenwerken betekent elkaar echt kennen. ';
    let i = 0;
    const type = async (upto: number) => {
      for (; i < upto; i++) {
        draft.insert(draft.length, typed[i % typed.length]!);
        await new Promise((r) => setImmediate(r));
      }
    };
    await type(40);
    server.child.kill('SIGKILL');
    await server.exited;
    procs.splice(0);
    await type(80);
    server = await spawnServer({ dataDir, port });
    procs.push(server);
    await type(120);
    const fresh = client(server.url, w, w.tokens.researcher);
    await waitFor(() => String(itemsMap(fresh.doc).get('typing')?.get('text') ?? '') === draft.toString(), {
      timeout: 15_000,
    });
    expect(draft.length).toBe(120);
  });

  it('a phone offline for a long time with edits merges them on return, alongside what others wrote', async () => {
    inProcess = await startServer();
    const w = await createWorkshop(inProcess.url, inProcess.organiserKey);
    const a = await joinAs(inProcess.url, w, 'Aïcha');
    const b = await joinAs(inProcess.url, w, 'Bert');
    const phoneA = client(inProcess.url, w, a.token);
    const phoneB = client(inProcess.url, w, b.token);
    await Promise.all([phoneA, phoneB].map(synced));
    phoneA.doc.transact(() => addItem(phoneA.doc, noteItem('a0', a.participantId)));
    await waitFor(() => keys(phoneB).has('a0'));
    // "Ten minutes" offline is a disconnected provider: what matters is the edits made meanwhile, not the clock.
    phoneA.provider.disconnect();
    for (let i = 1; i <= 25; i++) phoneA.doc.transact(() => addItem(phoneA.doc, noteItem(`a${i}`, a.participantId)));
    phoneA.doc.transact(() => itemsMap(phoneA.doc).get('a0')?.set('text', 'bijgewerkt offline'));
    for (let i = 1; i <= 10; i++) phoneB.doc.transact(() => addItem(phoneB.doc, noteItem(`b${i}`, b.participantId)));
    phoneA.provider.connect();
    await waitFor(() => keys(phoneA).size === 36 && keys(phoneB).size === 36);
    expect(itemsMap(phoneB.doc).get('a0')?.get('text')).toBe('bijgewerkt offline');
    expect(Y.encodeStateVector(phoneA.doc)).toEqual(Y.encodeStateVector(phoneB.doc));
  });
});
