import { useRef, useState } from 'react';
import {
  CANVAS,
  ERASER,
  MAX_STROKE_POINTS,
  PEN_COLOURS,
  PEN_WIDTHS,
  VISION_LABEL,
  VISION_STROKE,
  visionLabelFields,
  visionStrokeFields,
} from '../../../shared/exercises/vision';
import { addDayTwoItem, deleteDayTwoItem } from '../dayTwo/boardWrites';
import { useVisionT } from './i18n';
import { SketchView } from './SketchView';
import { useVision } from './useVision';
import type { Session } from '../../../shared/programme';

type Tool = 'pen' | 'eraser' | 'text';

/** The shared drawing: pen (colours, widths), eraser, text labels, undo of your own last mark; touch and mouse alike. */
export function SketchCanvas(props: {
  session: Session;
  groupId: string;
  groupName: string;
  participantId: string;
  locked: boolean;
}) {
  const t = useVisionT();
  const { sketch, strokes, labels } = useVision(props.session, props.groupId);
  const [tool, setTool] = useState<Tool>('pen');
  const [colour, setColour] = useState<string>(PEN_COLOURS[0]);
  const [width, setWidth] = useState<number>(PEN_WIDTHS[0]);
  const [labelText, setLabelText] = useState('');
  const [live, setLive] = useState<number[] | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  const toCanvas = (e: React.PointerEvent) => {
    const r = svg.current!.getBoundingClientRect();
    const x = Math.round(((e.clientX - r.left) / r.width) * CANVAS.width);
    const y = Math.round(((e.clientY - r.top) / r.height) * CANVAS.height);
    return [Math.min(CANVAS.width, Math.max(0, x)), Math.min(CANVAS.height, Math.max(0, y))] as const;
  };
  const base = { sessionId: props.session.id, groupId: props.groupId, authorId: props.participantId };
  const strokeWidth = tool === 'eraser' ? Math.max(24, width * 3) : width;

  const down = (e: React.PointerEvent) => {
    if (props.locked) return;
    const [x, y] = toCanvas(e);
    if (tool === 'text') {
      if (labelText.trim()) {
        addDayTwoItem(visionLabelFields, { kind: VISION_LABEL, ...base }, { x, y, text: labelText, colour });
        setLabelText('');
      }
      return;
    }
    (e.target as Element).setPointerCapture?.(e.pointerId);
    setLive([x, y]);
  };
  const move = (e: React.PointerEvent) => {
    if (!live) return;
    const [x, y] = toCanvas(e);
    const lx = live[live.length - 2]!;
    const ly = live[live.length - 1]!;
    // Skip points closer than 3 units: a smooth line with far fewer points to sync.
    if (Math.abs(x - lx) + Math.abs(y - ly) < 3 || live.length >= MAX_STROKE_POINTS * 2) return;
    setLive([...live, x, y]);
  };
  const up = () => {
    if (!live) return;
    addDayTwoItem(
      visionStrokeFields,
      { kind: VISION_STROKE, ...base },
      {
        points: live,
        colour: tool === 'eraser' ? ERASER : colour,
        width: strokeWidth,
      },
    );
    setLive(null);
  };
  const undo = () => {
    const mine = [...strokes, ...labels].filter((i) => i.authorId === props.participantId);
    const last = mine.sort((a, b) => b.createdAt - a.createdAt)[0];
    if (last) deleteDayTwoItem(last.id);
  };

  return (
    <section className="daytwo-stack" aria-labelledby="drawing-title">
      <h2 id="drawing-title">{t('drawing')}</h2>
      <div className="vision-toolbar" role="toolbar" aria-label={t('drawing')}>
        {(['pen', 'eraser', 'text'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="button button--small"
            aria-pressed={tool === k}
            onClick={() => setTool(k)}
            data-testid={`tool-${k}`}
          >
            {t(k)}
          </button>
        ))}
        {PEN_COLOURS.map((c, i) => (
          <button
            key={c}
            type="button"
            className="vision-swatch"
            style={{ background: c }}
            aria-pressed={colour === c}
            aria-label={t('colour', { n: i + 1 })}
            onClick={() => setColour(c)}
          />
        ))}
        {PEN_WIDTHS.map((w, i) => (
          <button
            key={w}
            type="button"
            className="button button--small"
            aria-pressed={width === w}
            aria-label={t('width', { n: i + 1 })}
            onClick={() => setWidth(w)}
          >
            <span className="vision-width" style={{ height: Math.max(2, w / 2) }} aria-hidden="true" />
          </button>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={undo}
          disabled={props.locked}
          data-testid="vision-undo"
        >
          {t('undo')}
        </button>
      </div>
      {tool === 'text' && (
        <div className="field">
          <label htmlFor="vision-label-text">{t('labelText')}</label>
          <input
            id="vision-label-text"
            className="input"
            maxLength={120}
            value={labelText}
            onChange={(e) => setLabelText(e.target.value)}
            aria-describedby="vision-label-hint"
            data-testid="vision-label-text"
          />
          <p id="vision-label-hint" className="field__hint">
            {t('labelHint')}
          </p>
        </div>
      )}
      <SketchView
        ref={svg}
        sketch={sketch}
        live={live ? { points: live, colour: tool === 'eraser' ? ERASER : colour, width: strokeWidth } : null}
        label={t('canvasLabel', { group: props.groupName })}
        className="vision-canvas"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="vision-canvas"
        data-strokes={strokes.length}
      />
    </section>
  );
}
