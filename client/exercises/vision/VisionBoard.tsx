import type { Session } from '../../../shared/programme';
import { OwnItemActions } from '../../components/OwnItemActions';
import { useNames } from '../dayTwo/useWorkspace';
import { exportPng, exportSvg } from './exportDrawing';
import { useVisionT } from './i18n';
import { PhotoView } from './Photos';
import { SketchView } from './SketchView';
import { useVision } from './useVision';

/** One cooperation's vision, read-only: drawing, photos and statement; `large` is the screen's full-size layout. */
export function VisionBoard({
  session,
  groupId,
  large,
  mini,
  exports,
  moderate,
}: {
  session: Session;
  groupId: string;
  large?: boolean;
  /** The screen's overview of all cooperations: small drawing, statement clipped, no photo. */
  mini?: boolean;
  exports?: boolean;
  /** The console: every photo, each with a delete (and its undo, `<DeletedItemUndo />` on the page). */
  moderate?: boolean;
}) {
  const t = useVisionT();
  const names = useNames();
  const group = names.group(groupId);
  const v = useVision(session, groupId);
  const text = typeof v.statement?.text === 'string' ? v.statement.text : '';
  return (
    <section
      className={large ? 'vision-present' : mini ? 'vision-mini' : 'daytwo-card daytwo-stack'}
      data-testid="vision-board"
      data-group-name={group}
    >
      <h2 className={large ? 'vision-present__title' : undefined}>{group}</h2>
      <div className={large ? 'vision-present__body' : 'daytwo-stack'}>
        <SketchView
          sketch={v.sketch}
          label={t('canvasLabel', { group })}
          className="vision-canvas vision-canvas--view"
          data-strokes={v.strokes.length}
        />
        <div className="daytwo-stack">
          <blockquote
            className={large ? 'vision-present__statement' : 'vision-quote'}
            data-testid="vision-statement-view"
            data-contribution={mini ? '' : undefined}
          >
            {text || t('noStatement')}
          </blockquote>
          {moderate
            ? v.photos.map((p) => (
                <div key={p.id} className="daytwo-stack" data-testid="vision-photo-entry" data-item-id={p.id}>
                  <PhotoView photo={p} alt={t('photoAlt', { group })} />
                  <span className="muted">{t('photoBy', { name: names.person(p.authorId) })}</span>
                  <OwnItemActions item={p} fields={[]} what={t('photoAlt', { group })} />
                </div>
              ))
            : v.photos
                .slice(mini ? 0 : -1, mini ? 0 : undefined)
                .map((p) => (
                  <PhotoView
                    key={p.id}
                    photo={p}
                    alt={t('photoAlt', { group })}
                    className={large ? 'vision-present__photo' : 'vision-photo'}
                  />
                ))}
        </div>
      </div>
      {exports && (
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() => exportSvg(v.sketch, group)}
            data-testid="vision-export-svg"
          >
            {t('exportSvg')}
          </button>
          <button type="button" className="button button--small" onClick={() => exportPng(v.sketch, group)}>
            {t('exportPng')}
          </button>
        </div>
      )}
    </section>
  );
}
