import { useControlStore } from '../../store/controlStore';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup, useNames } from '../dayTwo/useWorkspace';
import type { ConsoleProps, ResearcherProps, ScreenProps } from '../types';
import { runExerciseAction, useExerciseState } from '../useExercise';
import { useVisionT } from './i18n';
import type { Session } from '../../../shared/programme';
import { Pager } from '../../views/screen/Pager';
import { useFitText } from '../../views/screen/useFitText';
import { useScreenFocus } from '../../views/screen/useScreenFocus';
import { PhotoView } from './Photos';
import { DeletedItemUndo } from '../../components/OwnItemActions';
import { SketchView } from './SketchView';
import { useVision } from './useVision';
import { VisionBoard } from './VisionBoard';
import '../dayTwo/dayTwo.css';
import './vision.css';

const presented = (state: Record<string, unknown>) =>
  typeof state.presentGroupId === 'string' ? state.presentGroupId : null;

/** One cooperation's vision filling the screen: drawing and photo whole (contained), the statement fitted. */
function VisionPresent({ session, groupId }: { session: Session; groupId: string }) {
  const t = useVisionT();
  const names = useNames();
  const group = names.group(groupId);
  const v = useVision(session, groupId);
  const fit = useFitText<HTMLQuoteElement>(24);
  const text = typeof v.statement?.text === 'string' ? v.statement.text : '';
  const photo = v.photos[v.photos.length - 1];
  return (
    <section className="vision-stage" data-testid="vision-board" data-group-name={group} aria-labelledby="vision-stage">
      <h2 id="vision-stage" className="screen-section-title">
        {group}
      </h2>
      <div className="vision-stage__body">
        <div className="vision-stage__pictures">
          {v.strokes.length > 0 && (
            <SketchView
              sketch={v.sketch}
              label={t('canvasLabel', { group })}
              className="vision-canvas vision-canvas--view vision-stage__sketch"
              data-strokes={v.strokes.length}
            />
          )}
          {photo && <PhotoView photo={photo} alt={t('photoAlt', { group })} className="vision-stage__photo" />}
        </div>
        <blockquote className="vision-stage__statement" data-testid="vision-statement-view" data-contribution ref={fit}>
          {text || t('noStatement')}
        </blockquote>
      </div>
    </section>
  );
}

/** Screen: one cooperation's vision full size when the facilitator presents or focuses it, else all, paged. */
export function VisionScreen({ session }: ScreenProps) {
  const t = useVisionT();
  const groups = useControlStore((s) => s.groups);
  const focus = useScreenFocus();
  const groupId = presented(useExerciseState(session.id)) ?? (groups.some((g) => g.id === focus) ? focus : null);
  if (groupId) return <VisionPresent session={session} groupId={groupId} />;
  return (
    <div className="screen-stack" data-testid="vision-overview">
      <Pager className="vision-overview" label={t('overview')}>
        {groups.map((g) => (
          <li key={g.id}>
            <VisionBoard session={session} groupId={g.id} mini />
          </li>
        ))}
      </Pager>
    </div>
  );
}

/** Console: which cooperation the screen presents, researchers per cooperation, every vision with its exports. */
export function VisionConsole({ session }: ConsoleProps) {
  const t = useVisionT();
  const names = useNames();
  const groups = useControlStore((s) => s.groups);
  const current = presented(useExerciseState(session.id));
  return (
    <div className="daytwo-stack">
      <div
        className="daytwo-tabs"
        role="group"
        aria-label={current ? t('presenting', { group: names.group(current) }) : t('overview')}
      >
        <button
          type="button"
          className="button button--small"
          aria-pressed={!current}
          onClick={() => void runExerciseAction(session.id, 'present', { groupId: null })}
        >
          {t('overview')}
        </button>
        {groups.map((g) => (
          <button
            key={g.id}
            type="button"
            className="button button--small"
            aria-pressed={current === g.id}
            onClick={() => void runExerciseAction(session.id, 'present', { groupId: g.id })}
            data-testid="vision-present"
          >
            {t('present', { group: g.name })}
          </button>
        ))}
      </div>
      <AssignResearchers session={session} />
      {groups.map((g) => (
        <VisionBoard key={g.id} session={session} groupId={g.id} exports moderate />
      ))}
      <DeletedItemUndo />
    </div>
  );
}

/** Researcher: the followed cooperation's vision (or all), with exports. */
export function VisionResearcher({ session, groupId }: ResearcherProps) {
  const followed = useFollowedGroup(groupId);
  const groups = useControlStore((s) => s.groups).filter((g) => !followed || g.id === followed);
  return (
    <div className="daytwo-stack" data-testid="vision-researcher">
      <ResearcherBar />
      {groups.map((g) => (
        <VisionBoard key={g.id} session={session} groupId={g.id} exports />
      ))}
    </div>
  );
}
