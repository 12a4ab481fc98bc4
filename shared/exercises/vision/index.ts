import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { workspaceActions } from '../dayTwo/workspace';
import { visionExportText, visionExportImage } from './exportText';

export { strokesToSvg, type Sketch } from './svg';

export const VISION_STROKE = 'visionStroke' as const;
export const VISION_LABEL = 'visionLabel' as const;
export const VISION_PHOTO = 'visionPhoto' as const;
export const VISION_STATEMENT = 'visionStatement' as const;

/** The canvas is a fixed logical 1600 × 1000 plane; every device scales it, so strokes line up everywhere. */
export const CANVAS = { width: 1600, height: 1000 } as const;
export const PEN_COLOURS = ['#1a1a1a', '#c0392b', '#1f6fb2', '#2e7d32', '#e67e22'] as const;
export const PEN_WIDTHS = [4, 10, 24] as const;
export const ERASER = 'eraser' as const;
/** Most points in one stroke (x, y pairs), so a stroke stays well under a websocket message. */
export const MAX_STROKE_POINTS = 2000;

/** A stroke: a point list in canvas coordinates [x0, y0, x1, y1, …]; the eraser paints the background. */
export const visionStrokeFields = z.object({
  points: z
    .array(z.number().int().min(0).max(CANVAS.width))
    .min(2)
    .max(MAX_STROKE_POINTS * 2)
    .refine((p) => p.length % 2 === 0, { message: 'points come in x, y pairs' }),
  colour: z.union([z.enum(PEN_COLOURS), z.literal(ERASER)]),
  width: z.number().int().min(1).max(64),
});

export const visionLabelFields = z.object({
  x: z.number().int().min(0).max(CANVAS.width),
  y: z.number().int().min(0).max(CANVAS.height),
  text: z.string().trim().min(1).max(120),
  colour: z.enum(PEN_COLOURS),
});

/** A photo of a drawing made on paper, uploaded through `POST /api/workshops/:id/uploads`. */
export const visionPhotoFields = z.object({
  uploadId: z.string().regex(/^u[a-z0-9]{6,30}$/),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  caption: z.string().trim().max(LIMITS.title).optional(),
});

/** The cooperation's vision statement: a Y.Text the whole cooperation writes together. */
export const visionStatementFields = z.object({ text: z.string().max(4000), editableBy: z.literal('group') });

/** Id of a cooperation's statement: fixed, so every phone of the cooperation edits the same item. */
export const visionStatementId = (sessionId: string, groupId: string) => `vs-${sessionId}-${groupId}`.slice(0, 120);

export const presentPayload = z.object({ groupId: z.string().min(1).max(40).nullable() });

/** Visie: per cooperation a shared drawing, a photo of a paper drawing and a shared statement. */
export const vision: ExerciseDefinition = {
  kind: 'vision',
  itemSchemas: {
    [VISION_STROKE]: visionStrokeFields,
    [VISION_LABEL]: visionLabelFields,
    [VISION_PHOTO]: visionPhotoFields,
    [VISION_STATEMENT]: visionStatementFields,
  },
  exportText: visionExportText,
  exportImage: visionExportImage,
  phases: ['main'],
  actions: {
    ...workspaceActions,
    present: { schema: presentPayload, roles: ['facilitator'] },
    openStatement: { schema: z.object({}).optional(), roles: ['participant'] },
  },
};
