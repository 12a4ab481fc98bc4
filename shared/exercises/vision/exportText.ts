import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';
import { strokesToSvg } from './svg';

const MARGIN = 8;

/** A stroke as "tekent een lijn", a label, a photo with its caption, the statement. */
export function visionExportText(item: Item): string {
  if (item.kind === 'visionStroke') {
    const n = Array.isArray(item.points) ? Math.floor(item.points.length / 2) : 0;
    return item.colour === 'eraser' ? `gumt uit (${n} punten)` : `tekent een lijn (${n} punten)`;
  }
  if (item.kind === 'visionLabel') return `schrijft "${str(item, 'text')}" op de tekening`;
  if (item.kind === 'visionPhoto')
    return `foto van de tekening${str(item, 'caption') ? `: ${str(item, 'caption')}` : ''}`;
  return `visie: ${str(item, 'text')}`;
}

/** A stroke as a small SVG cropped to where it was drawn, so the transcript shows what was drawn. */
export function visionExportImage(item: Item): string | undefined {
  if (item.kind !== 'visionStroke' || item.colour === 'eraser' || !Array.isArray(item.points)) return undefined;
  const points = item.points.filter((p): p is number => typeof p === 'number');
  if (points.length < 2) return undefined;
  const width = typeof item.width === 'number' ? item.width : 4;
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const pad = MARGIN + width;
  const x0 = Math.min(...xs) - pad;
  const y0 = Math.min(...ys) - pad;
  const shifted = points.map((p, i) => p - (i % 2 === 0 ? x0 : y0));
  const svg = strokesToSvg(
    {
      width: Math.max(...xs) - x0 + pad,
      height: Math.max(...ys) - y0 + pad,
      strokes: [{ points: shifted, colour: str(item, 'colour'), width }],
      labels: [],
    },
    'lijn',
  );
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
