import * as Y from 'yjs';
import { addItem, itemsMap, patchItem } from '../../../shared/boardDoc';
import {
  photoSchema,
  keywordField,
  KEYWORD_MAX,
  PITCH_REACTION,
  PITCH_TEXT_MAX,
  reactionFields,
  type ReactionType,
} from '../../../shared/exercises/pitch';
import { textDiff } from '../../../shared/exercises/pitch/textDiff';
import { newId } from '../../../shared/ids';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { LOCAL_ORIGIN } from '../../sync/origins';
import { writeTarget } from '../../sync/privateWriting';

/**
 * Applies what the person typed to the group's shared text as one splice, so concurrent typing by teammates merges
 * (the CRDT keeps both) instead of one whole text replacing the other.
 */
export function editPitchText(itemId: string, value: string): void {
  const board = getActiveWorkshop()?.board;
  const text = board ? itemsMap(board).get(itemId)?.get('text') : undefined;
  if (!board || !(text instanceof Y.Text)) return;
  const d = textDiff(text.toString(), value.slice(0, PITCH_TEXT_MAX));
  if (d.remove === 0 && d.insert === '') return;
  board.transact(() => {
    if (d.remove) text.delete(d.index, d.remove);
    if (d.insert) text.insert(d.index, d.insert);
    itemsMap(board).get(itemId)?.set('updatedAt', Date.now());
  }, LOCAL_ORIGIN);
}

/** Sets one of the group's three keywords: its own field, so a teammate editing another slot at once keeps theirs. */
export function setKeyword(itemId: string, index: number, value: string): void {
  const board = getActiveWorkshop()?.board;
  if (!board) return;
  board.transact(
    () => patchItem(board, itemId, { [keywordField(index)]: value.slice(0, KEYWORD_MAX) }, Date.now()),
    LOCAL_ORIGIN,
  );
}

/** Posts a question or "what struck me" about a group's pitch; false when it is empty or too long. */
export function postReaction(r: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  targetGroupId: string;
  reaction: ReactionType;
  text: string;
}): boolean {
  const doc = writeTarget();
  const fields = reactionFields.safeParse({ targetGroupId: r.targetGroupId, reaction: r.reaction, text: r.text });
  if (!doc || !fields.success) return false;
  const now = Date.now();
  doc.transact(
    () =>
      addItem(doc, {
        id: newId('i'),
        kind: PITCH_REACTION,
        sessionId: r.sessionId,
        groupId: r.groupId,
        authorId: r.authorId,
        createdAt: now,
        updatedAt: now,
        ...fields.data,
      }),
    LOCAL_ORIGIN,
  );
  return true;
}

/** Longest side of a pitch photo after downscaling: enough for the screen, small enough for every phone to sync. */
const PHOTO_SIDE = 720;

/** Downscales a chosen photo to a small JPEG and stores it on the group's pitch; false when it is not usable. */
export async function setPitchPhoto(itemId: string, file: File | null): Promise<boolean> {
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  if (!file) {
    board.transact(() => {
      itemsMap(board).get(itemId)?.delete('photo');
    }, LOCAL_ORIGIN);
    return true;
  }
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return false;
  const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.7, 0.5, 0.35]) {
    const photo = photoSchema.safeParse(canvas.toDataURL('image/jpeg', quality));
    if (photo.success) {
      board.transact(() => patchItem(board, itemId, { photo: photo.data }, Date.now()), LOCAL_ORIGIN);
      return true;
    }
  }
  return false;
}
