import { useControlStore } from '../../store/controlStore';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup, useNames } from '../dayTwo/useWorkspace';
import type { ConsoleProps, ResearcherProps, ScreenProps } from '../types';
import { runExerciseAction, useExerciseState } from '../useExercise';
import { useVisionT } from './i18n';
import { VisionBoard } from './VisionBoard';
import '../dayTwo/dayTwo.css';
import './vision.css';

const presented = (state: Record<string, unknown>) =>
  typeof state.presentGroupId === 'string' ? state.presentGroupId : null;

/** Screen: one cooperation's vision full size when the facilitator presents it, else all side by side. */
export function VisionScreen({ session }: ScreenProps) {
  const groups = useControlStore((s) => s.groups);
  const groupId = presented(useExerciseState(session.id));
  if (groupId) return <VisionBoard session={session} groupId={groupId} large />;
  return (
    <div className="vision-overview" data-testid="vision-overview">
      {groups.map((g) => (
        <VisionBoard key={g.id} session={session} groupId={g.id} mini />
      ))}
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
        <VisionBoard key={g.id} session={session} groupId={g.id} exports />
      ))}
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
