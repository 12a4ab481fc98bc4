import { keywordField, KEYWORD_MAX, PITCH_REACTION, type ReactionType } from '../../../shared/exercises/pitch/kinds';
import { LIMITS } from '../../../shared/limits';
import { clearField, createItem, patchItem } from '../../sync/itemWrites';
import { uploadPhoto } from '../vision/uploads';

/** Sets one of the group's three keywords: its own field, so a teammate editing another slot at once keeps theirs. */
export function setKeyword(itemId: string, index: number, value: string): void {
  patchItem(itemId, { [keywordField(index)]: value.slice(0, KEYWORD_MAX) });
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
  const { targetGroupId, reaction, text, ...who } = r;
  return createItem({ kind: PITCH_REACTION, ...who }, { targetGroupId, reaction, text }).ok;
}

export type PhotoResult = 'ok' | 'notImage' | 'tooLarge' | 'failed';

/** Scales a photo on a canvas (longest side `LIMITS.photoSide`, JPEG at `LIMITS.photoQuality`); null if unreadable. */
async function scalePhoto(file: Blob): Promise<Blob | null> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  const scale = Math.min(1, LIMITS.photoSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', LIMITS.photoQuality));
}

/** Takes the photo off a pitch (the uploader's or the facilitator's right; the server refuses anyone else). */
export function removePitchPhoto(itemId: string): void {
  clearField(itemId, 'photoId');
  clearField(itemId, 'photo');
  clearField(itemId, 'photoBy');
}

/** Whether this person may take a pitch's photo off or replace it: who added it (anyone in the group for old ones). */
export const mayChangePitchPhoto = (pitch: { photoBy?: string }, participantId: string): boolean =>
  !pitch.photoBy || pitch.photoBy === participantId;

/**
 * Stores a photo on the group's pitch through the one photo path: scaled on the phone, uploaded
 * (`POST /api/workshops/:id/uploads`), and the pitch keeps the upload's id and who added it. `null` takes it off.
 */
export async function setPitchPhoto(itemId: string, file: File | null, by: string): Promise<PhotoResult> {
  if (!file) {
    removePitchPhoto(itemId);
    return 'ok';
  }
  const scaled = await scalePhoto(file);
  if (!scaled) return 'notImage';
  if (scaled.size > LIMITS.uploadBytes) return 'tooLarge';
  const up = await uploadPhoto(scaled);
  if (!up.ok) return up.tooLarge ? 'tooLarge' : 'failed';
  const res = patchItem(itemId, { photoId: up.uploadId, photoBy: by });
  // A photo an older version stored inline makes way for the uploaded one.
  if (res.ok) clearField(itemId, 'photo');
  return res.ok ? 'ok' : 'failed';
}
