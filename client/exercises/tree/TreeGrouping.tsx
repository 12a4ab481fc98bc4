import { useState } from 'react';
import { useControlStore } from '../../store/controlStore';
import { runExerciseAction } from '../useExercise';
import { useTreeT } from './i18n';
import { useTree } from './useTree';
import { NumberField } from '../../components/NumberField';

/** Make mixed groups (seeded, so a draw can be repeated) or use the cooperations; then move people by hand. */
export function TreeGrouping({ sessionId }: { sessionId: string }) {
  const t = useTreeT();
  const participants = useControlStore((s) => s.participants);
  const { state, groups } = useTree(sessionId);
  const [size, setSize] = useState(4);
  const [seed, setSeed] = useState(() => state.seed ?? Math.floor(Math.random() * 10_000));
  const name = (id: string) => participants.find((p) => p.id === id);
  // People who joined after the groups were made: the facilitator places them by hand.
  const loose = participants.filter((p) => !groups.some((g) => g.members.includes(p.id)));
  return (
    <div className="tree-grouping">
      <div className="button-row">
        <NumberField
          label={t('groupSize')}
          min={2}
          max={12}
          value={size}
          onChange={(raw) => setSize(Number(raw) || 4)}
          testId="tree-size"
        />
        <NumberField
          label={t('seed')}
          min={0}
          value={seed}
          onChange={(raw) => setSeed(Number(raw) || 0)}
          testId="tree-seed"
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => void runExerciseAction(sessionId, 'groups.generate', { size, seed })}
          data-testid="tree-generate"
        >
          {t('generate')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void runExerciseAction(sessionId, 'groups.useExisting', {})}
          data-testid="tree-use-existing"
        >
          {t('useExisting')}
        </button>
      </div>
      {groups.length > 0 && loose.length > 0 && (
        <p data-testid="tree-ungrouped">
          {t('ungrouped')}{' '}
          {loose.map((p) => (
            <label key={p.id} className="field--inline">
              {p.name}
              <select
                className="input input--small"
                value=""
                onChange={(e) =>
                  e.target.value &&
                  void runExerciseAction(sessionId, 'groups.move', { participantId: p.id, groupId: e.target.value })
                }
              >
                <option value="">{t('moveMember', { name: p.name })}…</option>
                {groups.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="tree-grouping__groups" data-testid="tree-groups">
          {groups.map((g) => (
            <li key={g.id} data-testid="tree-group-row" data-group-id={g.id}>
              <strong>{g.name}</strong>
              <ul>
                {g.members.map((m) => {
                  const p = name(m);
                  return (
                    <li key={m}>
                      {p?.name ?? m} ({p?.side === 'formal' ? 'F' : 'I'})
                      <select
                        className="input input--small"
                        aria-label={t('moveMember', { name: p?.name ?? m })}
                        value={g.id}
                        onChange={(e) =>
                          void runExerciseAction(sessionId, 'groups.move', {
                            participantId: m,
                            groupId: e.target.value,
                          })
                        }
                      >
                        {groups.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
