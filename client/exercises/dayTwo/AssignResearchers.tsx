import { useState } from 'react';
import type { Session } from '../../../shared/programme';
import { useControlStore } from '../../store/controlStore';
import { runExerciseAction } from '../useExercise';
import { useDayTwoT } from './i18n';
import { useAssignedResearchers } from './useWorkspace';

/** Console: assign a researcher (by name) to each cooperation; their researcher view then follows it. */
export function AssignResearchers({ session }: { session: Session }) {
  const t = useDayTwoT();
  const groups = useControlStore((s) => s.groups);
  const assigned = useAssignedResearchers();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <details className="daytwo-assign">
      <summary>{t('assignTitle')}</summary>
      <ul className="daytwo-assign__list">
        {groups.map((g) => {
          const value = drafts[g.id] ?? assigned[g.id] ?? '';
          const id = `assign-${g.id}`;
          return (
            <li key={g.id}>
              <form
                className="field field--inline"
                onSubmit={(e) => {
                  e.preventDefault();
                  void runExerciseAction(session.id, 'assignResearcher', { groupId: g.id, name: value.trim() });
                }}
              >
                <label htmlFor={id}>{t('assignLabel', { group: g.name })}</label>
                <input
                  id={id}
                  className="input input--small"
                  value={value}
                  maxLength={60}
                  onChange={(e) => setDrafts({ ...drafts, [g.id]: e.target.value })}
                  data-testid="assign-researcher-input"
                  data-group-name={g.name}
                />
                <button type="submit" className="button button--small" data-testid="assign-researcher">
                  {t('assign')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
