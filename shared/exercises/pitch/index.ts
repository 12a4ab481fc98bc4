import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { pitchExportText, pitchExportImage } from './exportText';
import { KEYWORD_COUNT, KEYWORD_MAX } from './keywords';
import {
  isJpegDataUrl,
  PHOTO_MAX,
  PITCH,
  PITCH_REACTION,
  PITCH_TEXT_MAX,
  REACTION_TYPES,
  UPLOAD_ID_PATTERN,
} from './kinds';

export * from './kinds';

export const photoSchema = z.string().max(PHOTO_MAX).refine(isJpegDataUrl, 'not a JPEG data URL');

/** The id of a stored upload (`server/exercises/vision/uploads.ts`). */
export const uploadIdSchema = z.string().regex(UPLOAD_ID_PATTERN);

const keyword = z.string().trim().max(KEYWORD_MAX);

/** `keywords` is the array older pitches were written with; new ones write a field per slot (`./keywords.ts`). */
export const pitchFields = z.object({
  text: z.string().max(PITCH_TEXT_MAX),
  keywords: z.array(keyword).max(KEYWORD_COUNT),
  keyword0: keyword.optional(),
  keyword1: keyword.optional(),
  keyword2: keyword.optional(),
  editableBy: z.literal('group'),
  photo: photoSchema.optional(),
  photoId: uploadIdSchema.optional(),
  /** Who added the photo: only they (or the facilitator) may take it off or replace it (server/sync/guard/uploaderRule.ts). */
  photoBy: z
    .string()
    .regex(/^[A-Za-z0-9_:-]{1,60}$/)
    .optional(),
});

export const reactionFields = z.object({
  targetGroupId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  reaction: z.enum(REACTION_TYPES),
  text: z.string().trim().min(1).max(LIMITS.itemText),
});

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const staff = ['facilitator'] as const;

/** Pitch: groups prepare a pitch together, then present in an order with a countdown each; the room reacts. */
export const pitch: ExerciseDefinition = {
  kind: 'pitch',
  itemSchemas: { [PITCH]: pitchFields, [PITCH_REACTION]: reactionFields },
  exportText: pitchExportText,
  exportImage: pitchExportImage,
  phases: ['prepare', 'present'],
  phaseLabels: {
    prepare: { nl: 'Voorbereiden', en: 'Prepare' },
    present: { nl: 'Presenteren', en: 'Present' },
  },
  actions: {
    /** A participant's phone asks for its group's pitch item; the server creates it once, so typing never forks. */
    open: { schema: z.object({}).optional(), roles: ['participant'] },
    setOrder: { schema: z.object({ order: z.array(id).max(LIMITS.groups) }), roles: staff },
    drawOrder: {
      schema: z.object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31),
      }),
      roles: staff,
    },
    present: { schema: z.object({ groupId: id }), roles: staff },
    finish: { schema: z.object({}).optional(), roles: staff },
    extend: { schema: z.object({ seconds: z.number().int().min(-600).max(600) }), roles: staff },
  },
};
