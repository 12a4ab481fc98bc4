import { useState } from 'react';
import { TREE_PHASES } from '../../../shared/exercises/tree';
import { TREE_ZONE_INFO, TREE_ZONES } from '../../../shared/exercises/tree/zones';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { runCommand } from '../../sync/commands';
import { useAuthors } from '../noteWall/useAuthors';
import type { ConsoleProps } from '../types';
import { runExerciseAction } from '../useExercise';
import { patchTreeItem } from './actions';
import { ExportableTree } from './ExportableTree';
import { useTreeT } from './i18n';
import { TreeGrouping } from './TreeGrouping';
import { useTree } from './useTree';
import './tree.css';

/** Phases, grouping, what the screen shows, moderation per tree (move between zones, hide) and the harvest's links. */
export function TreeConsole({ session }: ConsoleProps) {
  const t = useTreeT();
  const lang = useLang();
  const authors = useAuthors();
  const phase = useControlStore((s) => s.state?.phase);
  const { state, groups, ofGroup } = useTree(session.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const current = phase === 'oogst' ? 'oogst' : 'werken';
  const link = async () => {
    if (picked.length < 2) return;
    if (await runExerciseAction(session.id, 'harvest.link', { itemIds: picked, label })) {
      setPicked([]);
      setLabel('');
    }
  };
  return (
    <div className="tree-console">
      <div className="button-row" role="group" aria-label={t('phases')}>
        {TREE_PHASES.map((p) => (
          <button
            key={p}
            type="button"
            className={`button ${current === p ? 'button--primary' : ''}`}
            aria-pressed={current === p}
            onClick={() => void runCommand({ type: 'phase.set', phase: p })}
            data-testid={`tree-phase-${p}`}
          >
            {p === 'werken' ? t('phaseWerken') : t('phaseOogst')}
          </button>
        ))}
      </div>
      <TreeGrouping sessionId={session.id} />
      {groups.length > 0 && (
        <label className="field--inline">
          {t('screenShows')}
          <select
            className="input"
            value={state.focusGroupId ?? ''}
            onChange={(e) => void runExerciseAction(session.id, 'screen.focus', { groupId: e.target.value || null })}
            data-testid="tree-focus"
          >
            <option value="">{t('allTrees')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {current === 'oogst' && (
        <div className="tree-harvest">
          <input
            className="input"
            aria-label={t('linkLabel')}
            placeholder={t('linkLabel')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={picked.length < 2}
            onClick={() => void link()}
            data-testid="tree-link"
          >
            {t('link')}
          </button>
          {picked.length < 2 && <span className="muted"> {t('linkNeedsTwo')}</span>}
          <ol data-testid="tree-links">
            {(state.links ?? []).map((l) => (
              <li key={l.id}>
                {l.label} ({l.itemIds.length}){' '}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void runExerciseAction(session.id, 'harvest.unlink', { linkId: l.id })}
                >
                  {t('unlink')}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="tree-console__groups">
        {groups.map((g) => (
          <section key={g.id} className="tree-console__group" data-testid="console-tree" data-group-id={g.id}>
            <h3>{g.name}</h3>
            <ExportableTree name={g.name} items={ofGroup(g.id)} />
            <ul className="console-notes">
              {ofGroup(g.id, false).map((i) => (
                <li
                  key={i.id}
                  className={`console-note ${i.hidden ? 'console-note--hidden' : ''}`}
                  data-testid="console-tree-item"
                  data-item-id={i.id}
                  data-zone={i.zone}
                >
                  <p className="console-note__text">
                    {current === 'oogst' && (
                      <input
                        type="checkbox"
                        className="tree-pick"
                        aria-label={t('linkSelect', { text: i.text })}
                        checked={picked.includes(i.id)}
                        onChange={(e) =>
                          setPicked((p) => (e.target.checked ? [...p, i.id] : p.filter((x) => x !== i.id)))
                        }
                        data-testid="tree-pick"
                      />
                    )}
                    {i.linkNo ? `[${i.linkNo}] ` : ''}
                    {i.text}
                  </p>
                  <p className="console-note__meta">
                    {t('by', { name: authors.authorName(i.authorId) })}
                    {i.hidden && ` · ${t('hidden')}`}
                  </p>
                  <div className="console-note__actions">
                    <select
                      className="input input--small"
                      aria-label={t('moveTo', { text: i.text })}
                      value={i.zone}
                      onChange={(e) => patchTreeItem(i.id, { zone: e.target.value })}
                      data-testid="console-tree-zone"
                    >
                      {TREE_ZONES.map((z) => (
                        <option key={z} value={z}>
                          {localise(TREE_ZONE_INFO[z].name, lang)}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => patchTreeItem(i.id, { hidden: !i.hidden })}
                    >
                      {i.hidden ? t('unhide') : t('hide')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
