import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, readItems } from '../../shared/boardDoc';
import { readMeta, readParticipants } from '../../shared/controlDoc';
import { putObservation, readObservations } from '../../shared/research/researchDoc';
import { api, joinAs, synced, waitFor, yClient } from '../helpers/clients';
import { unzipWithPython } from '../helpers/research';
import { noteItem } from '../helpers/items';
import { postUpload } from '../helpers/uploads';
import { workshopPerTest } from '../helpers/workshopPerTest';

const SECRET = 'Zwaantje geheime bijdrage';
const NAME = 'Zwaantje Wisbaar';
const KEPT = 'Bijdrage over de wijk';

/** Every string a logged update carries, decoded struct by struct. */
function stringsOf(update: Uint8Array, v2 = false): string {
  const out: string[] = [];
  for (const s of (v2 ? Y.decodeUpdateV2 : Y.decodeUpdate)(update).structs) {
    const c = (s as { content?: Record<string, unknown> }).content;
    if (!c) continue;
    if (typeof c.str === 'string') out.push(c.str);
    if (Array.isArray(c.arr)) out.push(JSON.stringify(c.arr));
    if (c.embed !== undefined) out.push(JSON.stringify(c.embed));
  }
  return out.join('\n');
}

function storedBytes(dataDir: string): Buffer {
  const files = ['werkplaats.sqlite', 'werkplaats.sqlite-wal'].map((f) => path.join(dataDir, f));
  return Buffer.concat(files.filter(existsSync).map((f) => readFileSync(f)));
}

describe('erasing a participant', () => {
  const room = workshopPerTest();
  const client = room.client;

  it('removes their text and name everywhere, keeps everyone else with provenance, and cannot come back', async () => {
    const a = await joinAs(room.server.url, room.w, NAME);
    const b = await joinAs(room.server.url, room.w, 'Bertus Blijft');
    const phoneA = client('board', a.token);
    const phoneB = client('board', b.token);
    const researcher = client('research', room.w.tokens.researcher);
    const console_ = client('board', room.w.tokens.facilitator);
    await Promise.all([synced(phoneA), synced(phoneB), synced(researcher), synced(console_)]);
    phoneA.doc.transact(() =>
      addItem(phoneA.doc, noteItem('ia', a.participantId, { text: SECRET, groupId: room.w.groups[0]!.id })),
    );
    phoneB.doc.transact(() =>
      addItem(phoneB.doc, noteItem('ib', b.participantId, { text: KEPT, groupId: room.w.groups[0]!.id })),
    );
    const t = Date.now();
    researcher.doc.transact(() =>
      putObservation(researcher.doc, {
        id: 'o1',
        researcherName: 'Dr. Janssen',
        time: t,
        sessionId: 'opening',
        groupId: null,
        speakers: [a.participantId, b.participantId],
        codes: [],
        quote: false,
        text: 'Levendig gesprek',
        links: [],
        createdAt: t,
        updatedAt: t,
      }),
    );
    await waitFor(() => readItems(console_.doc).length === 2 && readObservations(researcher.doc).length === 1);
    // The phone's IndexedDB as it was before the erasure.
    const oldPhoneState = Y.encodeStateAsUpdate(phoneA.doc);
    // A photo each: A's is erased with them, B's stays.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const upload = async (token: string) => {
      const res = await postUpload(room.server.url, room.w.id, png, token, 'application/octet-stream');
      expect(res.status).toBe(201);
      return ((await res.json()) as { uploadId: string }).uploadId;
    };
    const [photoA, photoB] = [await upload(a.token), await upload(b.token)];
    const uploadDir = path.join(room.server.dataDir, 'uploads', room.w.id);
    expect(existsSync(path.join(uploadDir, photoA))).toBe(true);

    const forbidden = await api(room.server.url, `/api/workshops/${room.w.id}/participants/${a.participantId}/erase`, {
      method: 'POST',
      token: room.w.tokens.researcher,
    });
    expect(forbidden.status).toBe(403);
    const r = await api(room.server.url, `/api/workshops/${room.w.id}/participants/${a.participantId}/erase`, {
      method: 'POST',
      token: room.w.tokens.facilitator,
    });
    expect(r).toEqual({ status: 200, body: { erased: true } });

    // Their phone is shut out; the console resyncs (1012) and loses the item.
    await waitFor(() => phoneA.closes.some((c) => c.code === 4401));
    await waitFor(() => console_.closes.some((c) => c.code === 1012));
    await waitFor(
      () =>
        readItems(console_.doc)
          .map((i) => i.id)
          .join() === 'ib',
    );

    // A client holding the old state (the phone's IndexedDB) syncs with another person's token: nothing comes back.
    const stale = client('board', b.token);
    Y.applyUpdate(stale.doc, oldPhoneState);
    await synced(stale);
    const fresh = client('board', room.w.tokens.facilitator);
    await synced(fresh);
    await waitFor(
      () =>
        readItems(stale.doc)
          .map((i) => i.id)
          .join() === 'ib',
    );
    expect(readItems(fresh.doc).map((i) => i.text)).toEqual([KEPT]);

    const control = client('control', room.w.tokens.facilitator);
    const research2 = client('research', room.w.tokens.researcher);
    await Promise.all([synced(control), synced(research2)]);
    expect(readParticipants(control.doc).map((p) => p.name)).toEqual(['Bertus Blijft']);
    expect(readMeta(control.doc)?.erasures).toEqual([{ at: expect.any(Number) }]);
    expect(readObservations(research2.doc)[0]?.speakers).toEqual([b.participantId]);

    // Exports: no text, no name; the rest survives with provenance.
    for (const format of ['json', 'csv', 'cases', 'md', 'html', 'key']) {
      const res = await fetch(`${room.server.url}/api/workshops/${room.w.id}/export?format=${format}&names=real`, {
        headers: { authorization: `Bearer ${room.w.tokens.facilitator}` },
      });
      const body = await res.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain('Zwaantje');
    }
    const json = await (
      await fetch(`${room.server.url}/api/workshops/${room.w.id}/export?format=json`, {
        headers: { authorization: `Bearer ${room.w.tokens.facilitator}` },
      })
    ).json();
    expect(json.items.map((i: { text: string }) => i.text)).toEqual([KEPT]);
    // Pseudonyms are stable: Bertus joined second and stays P02 after Zwaantje (P01) is erased.
    expect(json.items[0].provenance.createdBy).toBe('P02');
    const qdpx = await fetch(`${room.server.url}/api/workshops/${room.w.id}/export?format=qdpx&names=real`, {
      headers: { authorization: `Bearer ${room.w.tokens.facilitator}` },
    });
    const files = unzipWithPython(Buffer.from(await qdpx.arrayBuffer()));
    for (const text of Object.values(files)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Zwaantje');
    }
    const prov = await api<{ entries: Record<string, { createdBy: string }> }>(
      room.server.url,
      `/api/workshops/${room.w.id}/provenance?doc=board`,
      { token: room.w.tokens.researcher },
    );
    expect(prov.body.entries.ib?.createdBy).toBe(`participant:${b.participantId}`);
    expect(prov.body.entries.ia).toBeUndefined();

    // Storage: every logged update and snapshot, decoded and as raw bytes.
    const db = new Database(path.join(room.server.dataDir, 'werkplaats.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT doc, actor, data FROM updates').all() as Array<{ actor: string; data: Buffer }>;
    const snaps = db.prepare('SELECT data FROM snapshots').all() as Array<{ data: Buffer }>;
    db.close();
    expect(rows.length).toBeGreaterThan(5);
    // Snapshots are V2 updates (room.server/storage/snapshotFormat.ts).
    for (const [row, v2] of [...rows.map((r) => [r, false] as const), ...snaps.map((r) => [r, true] as const)]) {
      const s = stringsOf(new Uint8Array(row.data), v2);
      expect(s).not.toContain(SECRET);
      expect(s).not.toContain('Zwaantje');
    }
    expect(rows.some((row) => stringsOf(new Uint8Array(row.data)).includes(KEPT))).toBe(true);
    expect(rows.map((row) => row.actor)).not.toContain(`participant:${a.participantId}`);
    const raw = storedBytes(room.server.dataDir);
    expect(raw.includes(Buffer.from(KEPT))).toBe(true);
    expect(raw.includes(Buffer.from(SECRET))).toBe(false);
    expect(raw.includes(Buffer.from('Zwaantje'))).toBe(false);

    expect(existsSync(path.join(uploadDir, photoA))).toBe(false);
    expect(existsSync(path.join(uploadDir, `${photoA}.json`))).toBe(false);
    expect(existsSync(path.join(uploadDir, photoB))).toBe(true);

    // Their token is gone.
    const again = yClient(room.server.url, room.w.id, 'board', a.token);
    room.open.push(again);
    await waitFor(() => again.closes.length > 0);
  });
});
