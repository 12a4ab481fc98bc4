import { useControlStore } from '../../store/controlStore';
import type { ScreenProps } from '../types';
import { useTreeT } from './i18n';
import { TreeSvg } from './TreeSvg';
import { useTree } from './useTree';
import './tree.css';

/** One tree large, or all trees side by side; in the harvest, the themes that recur across trees. */
export function TreeScreen({ session }: ScreenProps) {
  const t = useTreeT();
  const phase = useControlStore((s) => s.state?.phase);
  const { state, groups, all, ofGroup } = useTree(session.id);
  if (groups.length === 0) return <p className="screen-wall__empty">{t('noGroups')}</p>;
  const focus = groups.find((g) => g.id === state.focusGroupId);
  const shown = focus ? [focus] : groups;
  const links = phase === 'oogst' ? (state.links ?? []) : [];
  return (
    <div className={`tree-screen ${links.length ? 'tree-screen--harvest' : ''}`}>
      <ul
        className={`tree-screen__trees ${focus ? 'tree-screen__trees--one' : ''}`}
        data-count={shown.length}
        aria-label={t('trees', { count: shown.length })}
      >
        {shown.map((g) => (
          <li key={g.id} className="tree-screen__tree" data-testid="screen-tree" data-group-id={g.id}>
            <TreeSvg title={g.name} items={ofGroup(g.id)} moreLabel={(count) => t('more', { count })} />
          </li>
        ))}
      </ul>
      {links.length > 0 && (
        <section className="tree-links" aria-labelledby="tree-links-title" data-testid="screen-links">
          <h2 id="tree-links-title">{t('links')}</h2>
          <ol>
            {links.map((l) => (
              <li key={l.id}>
                {l.label && <strong>{l.label}: </strong>}
                {l.itemIds
                  .map((id) => all.find((i) => i.id === id)?.text)
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
