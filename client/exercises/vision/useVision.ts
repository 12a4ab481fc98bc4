import { useMemo } from 'react';
import {
  CANVAS,
  VISION_LABEL,
  VISION_PHOTO,
  VISION_STATEMENT,
  VISION_STROKE,
  type Sketch,
} from '../../../shared/exercises/vision';
import type { Item } from '../../../shared/boardDoc';
import type { Session } from '../../../shared/programme';
import { useItems } from '../dayTwo/useItems';

export type Stroke = Item & { points: number[]; colour: string; width: number };
export type Label = Item & { x: number; y: number; text: string; colour: string };
export type Photo = Item & { uploadId: string; mime: string };

/** One cooperation's vision: strokes and labels in drawing order, photos and the shared statement. */
export function useVision(session: Session, groupId: string) {
  const strokes = useItems(session.id, VISION_STROKE, groupId) as Stroke[];
  const labels = useItems(session.id, VISION_LABEL, groupId) as Label[];
  const photos = useItems(session.id, VISION_PHOTO, groupId) as Photo[];
  const statement = useItems(session.id, VISION_STATEMENT, groupId)[0];
  const sketch: Sketch = useMemo(() => ({ ...CANVAS, strokes, labels }), [strokes, labels]);
  return { strokes, labels, photos, statement, sketch };
}
