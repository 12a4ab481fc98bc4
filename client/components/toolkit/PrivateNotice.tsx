import { currentSession } from '../../../shared/controlDoc';
import type { ExerciseKind } from '../../../shared/programme';
import { useT } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { usePrivateWriting } from '../../sync/privateWriting';

/**
 * Exercises in which a cooperation also writes something together (the vision statement, the pitch, the plan):
 * those group items are on the board for the cooperation even while private writing is on, so the notice says so.
 */
const WITH_GROUP_TEXT: ReadonlySet<ExerciseKind> = new Set<ExerciseKind>(['vision', 'pitch', 'actionPlan']);

/** Tells a participant that what they write now stays private until the facilitator reveals it. */
export function PrivateNotice() {
  const t = useT();
  const kind = useControlStore((s) => currentSession(s)?.kind);
  if (!usePrivateWriting()) return null;
  return (
    <p className="notice notice--info" role="status" data-testid="private-notice">
      {t('toolkit.private')}
      {kind && WITH_GROUP_TEXT.has(kind) && <> {t('toolkit.privateShared')}</>}
    </p>
  );
}
