import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, readItems } from '../../../shared/boardDoc';
import {
  VISION_STATEMENT,
  VISION_STROKE,
  visionStatementId,
  visionStrokeFields,
} from '../../../shared/exercises/vision';
import { createWorkshop, waitFor } from '../../helpers/clients';
import { dayTwoRoom } from './setup';
import { PNG, postUpload } from '../../helpers/uploads';
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('day two: vision uploads and drawing', () => {
  let room: Awaited<ReturnType<typeof dayTwoRoom>>;
  beforeEach(async () => {
    room = await dayTwoRoom();
    await room.goto('visie');
  });
  afterEach(() => room.close());

  const upload = (body: Buffer, token?: string, type?: string) =>
    postUpload(room.server.url, room.w.id, body, token, type);

  it('accepts JPEG, PNG and WebP by their content, and refuses files posing as images', async () => {
    const token = room.phones[0]!.token;
    for (const [body, mime] of [
      [PNG, 'image/png'],
      [JPEG_HEAD, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await upload(body, token, 'application/octet-stream');
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ mime });
    }
    const fake = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), token, 'image/png');
    expect(fake.status).toBe(400);
    expect(await fake.json()).toMatchObject({ error: { code: 'bad_request' } });
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), token, 'image/gif');
    expect(gif.status).toBe(400);
  });

  it('refuses files over 10 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(big, room.phones[0]!.token);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it("serves a photo only to the workshop's staff, its screen and the uploader's cooperation", async () => {
    const res = await upload(PNG, room.phones[0]!.token);
    const { uploadId } = (await res.json()) as { uploadId: string };
    const get = (token?: string) =>
      fetch(`${room.server.url}/api/workshops/${room.w.id}/uploads/${uploadId}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get()).status).toBe(401);
    expect((await get('not-a-token')).status).toBe(401);
    const other = await createWorkshop(room.server.url, room.server.organiserKey, ['Elders']);
    expect((await get(other.tokens.facilitator)).status).toBe(403);
    // Another cooperation's phone may not fetch it (the original of someone else's paper drawing).
    const stranger = await get(room.phones[3]!.token);
    expect(stranger.status).toBe(403);
    for (const token of [
      room.phones[0]!.token,
      room.phones[1]!.token,
      room.w.tokens.screen,
      room.w.tokens.researcher,
      room.w.tokens.facilitator,
    ]) {
      const ok = await get(token);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
    }
    expect((await upload(PNG, room.w.tokens.screen)).status).toBe(403);
    const missing = await fetch(`${room.server.url}/api/workshops/${room.w.id}/uploads/uzzzzzzzz`, {
      headers: { authorization: `Bearer ${room.phones[0]!.token}` },
    });
    expect(missing.status).toBe(404);
  });

  it('syncs strokes and the shared statement between the phones of a cooperation and the screen', async () => {
    const { w, phones } = room;
    const a = await room.doc(phones[0]!.token);
    const b = await room.doc(phones[1]!.token);
    const screen = await room.doc(w.tokens.screen);
    const stroke = visionStrokeFields.parse({ points: [10, 10, 200, 300, 400, 120], colour: '#c0392b', width: 10 });
    a.doc.transact(() =>
      addItem(a.doc, {
        id: 'stroke1',
        kind: VISION_STROKE,
        sessionId: 'visie',
        groupId: w.groups[0]!.id,
        authorId: phones[0]!.participantId,
        createdAt: Date.now() + 1,
        updatedAt: Date.now() + 1,
        ...stroke,
      }),
    );
    const text = new Y.Text();
    const id = visionStatementId('visie', w.groups[0]!.id);
    a.doc.transact(() =>
      addItem(a.doc, {
        id,
        kind: VISION_STATEMENT,
        sessionId: 'visie',
        groupId: w.groups[0]!.id,
        authorId: phones[0]!.participantId,
        createdAt: Date.now() + 2,
        updatedAt: Date.now() + 2,
        text,
        editableBy: 'group',
      }),
    );
    text.insert(0, 'Samen sterk');
    await waitFor(() => readItems(b.doc).find((i) => i.id === id)?.text === 'Samen sterk');
    // The other phone of the cooperation writes along in the same shared text.
    const bText = itemsMap(b.doc).get(id)!.get('text') as Y.Text;
    bText.insert(bText.length, ' in de wijk');
    await waitFor(() => readItems(screen.doc).find((i) => i.id === id)?.text === 'Samen sterk in de wijk');
    expect(readItems(screen.doc).find((i) => i.id === 'stroke1')).toMatchObject({ points: stroke.points, width: 10 });
  });
});
