import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';
import { useNames } from '../dayTwo/useWorkspace';
import type { PhoneProps } from '../types';
import { exportPng, exportSvg } from './exportDrawing';
import { useVisionT } from './i18n';
import { PhotoUpload, PhotoView } from './Photos';
import { SketchCanvas } from './SketchCanvas';
import { Statement } from './Statement';
import { useVision } from './useVision';
import '../dayTwo/dayTwo.css';
import './vision.css';

/** The cooperation's vision on a phone: the shared drawing, a photo of a paper drawing, the statement. */
export function VisionPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useVisionT();
  const names = useNames();
  const v = useVision(session, groupId ?? '');
  if (!groupId) return null;
  const group = names.group(groupId);
  return (
    <div className="daytwo-stack">
      <SketchCanvas
        session={session}
        groupId={groupId}
        groupName={group}
        participantId={participantId}
        locked={locked}
      />
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => exportSvg(v.sketch, group)}>
          {t('exportSvg')}
        </button>
        <button type="button" className="button button--small" onClick={() => exportPng(v.sketch, group)}>
          {t('exportPng')}
        </button>
      </div>
      <Statement
        sessionId={session.id}
        groupId={groupId}
        participantId={participantId}
        statement={v.statement}
        locked={locked}
      />
      <section className="daytwo-stack" aria-labelledby="photo-title">
        <h2 id="photo-title">{t('photo')}</h2>
        {v.photos.map((p) => (
          <div key={p.id} className="daytwo-stack" data-testid="vision-photo-entry" data-item-id={p.id}>
            <PhotoView photo={p} alt={t('photoAlt', { group })} />
            {/* The uploader may delete their photo (and undo it for a few seconds); the facilitator any. */}
            {p.authorId === participantId && (
              <OwnItemActions item={p} fields={[]} what={t('photoAlt', { group })} locked={locked} />
            )}
          </div>
        ))}
        <DeletedItemUndo />
        <PhotoUpload sessionId={session.id} groupId={groupId} participantId={participantId} locked={locked} />
      </section>
    </div>
  );
}
