const BACKGROUND = '#ffffff';

/** A cooperation's drawing as plain data. */
export interface Sketch {
  width: number;
  height: number;
  strokes: Array<{ points: number[]; colour: string; width: number }>;
  labels: Array<{ x: number; y: number; text: string; colour: string }>;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Renders a drawing as a standalone SVG document (strokes in order, eraser as background, then labels). */
export function strokesToSvg(sketch: Sketch, title = ''): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sketch.width} ${sketch.height}" width="${sketch.width}" height="${sketch.height}">`,
    title ? `<title>${esc(title)}</title>` : '',
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
  ];
  for (const s of sketch.strokes) {
    const pts: string[] = [];
    for (let i = 0; i + 1 < s.points.length; i += 2) pts.push(`${s.points[i]},${s.points[i + 1]}`);
    if (pts.length === 1) pts.push(pts[0]!); // A tap is a dot.
    const colour = s.colour === 'eraser' ? BACKGROUND : s.colour;
    parts.push(
      `<polyline points="${pts.join(' ')}" fill="none" stroke="${esc(colour)}" stroke-width="${s.width}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  }
  for (const l of sketch.labels)
    parts.push(
      `<text x="${l.x}" y="${l.y}" font-family="sans-serif" font-size="40" fill="${esc(l.colour)}">${esc(l.text)}</text>`,
    );
  parts.push('</svg>');
  return parts.filter(Boolean).join('\n');
}
