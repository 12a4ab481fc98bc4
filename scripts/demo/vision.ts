import * as Y from 'yjs';
import { addItem } from '../../shared/boardDoc';
import {
  PEN_COLOURS,
  VISION_LABEL,
  VISION_PHOTO,
  VISION_STATEMENT,
  VISION_STROKE,
  visionLabelFields,
  visionPhotoFields,
  visionStatementId,
  visionStrokeFields,
} from '../../shared/exercises/vision';
import { byCooperation, phoneWrites } from './dayTwoHelpers';
import type { DemoSeeder } from './types';

const STATEMENTS = [
  'Wij zien een wijk waar ouders zonder drempel binnenlopen, omdat sleutelfiguren en het wijkteam elkaar kennen en vertrouwen.',
  'Informele werkers blijven informeel: wij versterken hen, wij nemen hen niet over.',
  'Samen signaleren, samen optrekken: eerder in beeld, minder brandjes blussen.',
  'Een vast overleg, een vrijwilligersvergoeding en tijd om elkaars wereld te leren kennen.',
  'Wat we doen maken we zichtbaar, ook wat niet in cijfers te vangen is.',
];

/** A tiny valid PNG (a 16×10 green block), standing in for the photo of a paper drawing. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAKCAIAAAAy3EnLAAAAE0lEQVR4nGPQqzUiCTGMahiaGgA3xoohRYrEXgAAAABJRU5ErkJggg==',
  'base64',
);

/** A simple tree-like drawing: a trunk, a crown and people around it, offset per cooperation. */
function drawing(g: number): Array<{ points: number[]; colour: (typeof PEN_COLOURS)[number]; width: number }> {
  const crown: number[] = [];
  for (let a = 0; a <= 24; a++) {
    const t = (a / 24) * Math.PI * 2;
    crown.push(Math.round(800 + 300 * Math.cos(t)), Math.round(380 + 220 * Math.sin(t)));
  }
  return [
    { points: [800, 900, 800, 600], colour: PEN_COLOURS[1], width: 24 },
    { points: crown, colour: PEN_COLOURS[3], width: 10 },
    { points: [300 + g * 20, 850, 300 + g * 20, 750, 260, 800, 340, 800], colour: PEN_COLOURS[2], width: 4 },
    { points: [1300 - g * 20, 850, 1300 - g * 20, 750, 1260, 800, 1340, 800], colour: PEN_COLOURS[4], width: 4 },
  ];
}

/** Visie: each cooperation draws a tree with people, writes its statement together and uploads a photo. */
export const visionSeeder: DemoSeeder = async (ctx) => {
  const sessionId = 'visie';
  let n = 0;
  for (const [g, coop] of byCooperation(ctx.phones).entries()) {
    for (const [i, s] of drawing(g).entries()) {
      phoneWrites(
        coop[i % coop.length]!,
        visionStrokeFields,
        { kind: VISION_STROKE, sessionId, at: ctx.at(2, 9, g * 5 + i) },
        s,
      );
      n++;
    }
    phoneWrites(
      coop[0]!,
      visionLabelFields,
      { kind: VISION_LABEL, sessionId, at: ctx.at(2, 9, 30 + g) },
      { x: 640, y: 120, text: 'Samen sterk', colour: PEN_COLOURS[0] },
    );
    n++;
    // The statement is a shared text: one phone creates it, another adds to it.
    const first = coop[0]!;
    const at = ctx.at(2, 9, 40 + g);
    const text = new Y.Text();
    first.board.doc.transact(() =>
      addItem(first.board.doc, {
        id: visionStatementId(sessionId, first.groupId),
        kind: VISION_STATEMENT,
        sessionId,
        groupId: first.groupId,
        authorId: first.joined.participantId,
        createdAt: at,
        updatedAt: at,
        text,
        editableBy: 'group',
      }),
    );
    text.insert(0, STATEMENTS[g % STATEMENTS.length]!);
    n++;
    const res = await fetch(`${ctx.url}/api/workshops/${ctx.workshop.id}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.joined.token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(PNG),
    });
    if (res.ok) {
      const { uploadId, mime } = (await res.json()) as { uploadId: string; mime: string };
      phoneWrites(
        first,
        visionPhotoFields,
        { kind: VISION_PHOTO, sessionId, at: ctx.at(2, 9, 50 + g) },
        { uploadId, mime },
      );
      n++;
    }
  }
  return n;
};
