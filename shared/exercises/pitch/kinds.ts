import type { TimerState } from '../../timer';

/** The pitch's kinds, limits and state without its schemas (no zod): what the phone's views import. */

export { KEYWORD_COUNT, KEYWORD_MAX, keywordField, keywordsOf } from './keywords';

/** Item kind of a cooperation's pitch: one per group, written together (`text` is a Y.Text). */
export const PITCH = 'pitch' as const;
/** Item kind of an audience reaction to a pitch: a question or "what struck me". */
export const PITCH_REACTION = 'pitchReaction' as const;

export const PITCH_TEXT_MAX = 2000;
export const REACTION_TYPES = ['question', 'struck'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

/**
 * Older pitches kept their photo inline as a data URL (`photo`); such items are still read. New photos go through the
 * upload route like the vision's (`POST /api/workshops/:id/uploads`) and the pitch stores the upload's id (`photoId`).
 */
export const PHOTO_MAX = 200_000;
export const PHOTO_PREFIX = 'data:image/jpeg;base64,';
/** Whether a string is a JPEG data URL (base64), what `photoSchema` accepts within `PHOTO_MAX`. */
export const isJpegDataUrl = (s: string): boolean =>
  s.startsWith(PHOTO_PREFIX) && /^[A-Za-z0-9+/=]*$/.test(s.slice(PHOTO_PREFIX.length));
/** Whether a value is a pitch photo as `photoSchema` accepts it. */
export const isPitchPhoto = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= PHOTO_MAX && isJpegDataUrl(v);

/** The id of a stored upload (`server/exercises/vision/uploads.ts`). */
export const UPLOAD_ID_PATTERN = /^u[a-z0-9]{6,30}$/;
/** Whether a value is an upload id as `uploadIdSchema` accepts it. */
export const isUploadId = (v: unknown): v is string => typeof v === 'string' && UPLOAD_ID_PATTERN.test(v);

/** The pitch's exercise state: order of groups, who is presenting with their own countdown, whose reactions show. */
export interface PitchState {
  order?: string[];
  current?: string | null;
  timer?: TimerState | null;
  reactionsFor?: string | null;
  seed?: number;
}

export const readPitchState = (s: Record<string, unknown>): PitchState => s as PitchState;

/** Minutes per pitch: the session's `pitchMinutes` setting, default 3. */
export function pitchMinutes(settings: Record<string, unknown>): number {
  const m = settings.pitchMinutes;
  return typeof m === 'number' && m > 0 && m <= 60 ? m : 3;
}
