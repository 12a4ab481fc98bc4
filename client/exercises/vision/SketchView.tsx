import type { Sketch } from '../../../shared/exercises/vision';

const BACKGROUND = '#ffffff';

/** Renders a drawing as inline SVG (the same picture `strokesToSvg` exports); `live` is a stroke being drawn. */
export function SketchView({
  sketch,
  live,
  label,
  ...rest
}: {
  sketch: Sketch;
  live?: { points: number[]; colour: string; width: number } | null;
  label: string;
} & React.SVGProps<SVGSVGElement>) {
  const line = (s: { points: number[]; colour: string; width: number }, key: string) => {
    const pts: string[] = [];
    for (let i = 0; i + 1 < s.points.length; i += 2) pts.push(`${s.points[i]},${s.points[i + 1]}`);
    if (pts.length === 1) pts.push(pts[0]!);
    return (
      <polyline
        key={key}
        points={pts.join(' ')}
        fill="none"
        stroke={s.colour === 'eraser' ? BACKGROUND : s.colour}
        strokeWidth={s.width}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    );
  };
  return (
    <svg viewBox={`0 0 ${sketch.width} ${sketch.height}`} role="img" aria-label={label} {...rest}>
      <rect width={sketch.width} height={sketch.height} fill={BACKGROUND} />
      {sketch.strokes.map((s, i) => line(s, `s${i}`))}
      {live && line(live, 'live')}
      {sketch.labels.map((l, i) => (
        <text key={`l${i}`} x={l.x} y={l.y} fontFamily="sans-serif" fontSize={40} fill={l.colour}>
          {l.text}
        </text>
      ))}
    </svg>
  );
}
