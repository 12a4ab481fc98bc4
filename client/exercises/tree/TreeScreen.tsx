import { TREE_ZONE_INFO, TREE_ZONES } from '../../../shared/exercises/tree/zones';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { Pager } from '../../views/screen/Pager';
import { chunk, useScreenFocus } from '../../views/screen/useScreenFocus';
import type { ScreenProps } from '../types';
import { useTreeT } from './i18n';
import { useTree, type TreeItemView } from './useTree';
import './tree.css';

/** Items per card in the overview, and per zone card when one tree fills the screen; the rest continue. */
const PER_CARD = 5;
const PER_ZONE = 6;

function TreeItems({ items }: { items: TreeItemView[] }) {
  const lang = useLang();
  return (
    <ul className="screen-card__list">
      {items.map((i) => (
        <li key={i.id} className="tree-card__item" data-zone={i.zone} data-testid="screen-tree-item">
          <span className="tree-card__zone">{localise(TREE_ZONE_INFO[i.zone].name, lang)}</span>
          <span className="tree-card__text" data-contribution>
            {i.text}
          </span>
          {i.linkNo && <span className="tree-card__link"> ↔ {i.linkNo}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The trees as cards (apples, roots, watering can, lubricant per tree), paged; a focused tree fills the screen zone
 * by zone. In the harvest, the themes that recur across trees come first.
 */
export function TreeScreen({ session }: ScreenProps) {
  const t = useTreeT();
  const lang = useLang();
  const phase = useControlStore((s) => s.state?.phase);
  const { state, groups, all, ofGroup } = useTree(session.id);
  const screenFocus = useScreenFocus();
  if (groups.length === 0) return <p className="screen-wall__empty">{t('noGroups')}</p>;
  const focus = groups.find((g) => g.id === (state.focusGroupId ?? screenFocus));
  const links = phase === 'oogst' ? (state.links ?? []) : [];
  const byZone = (items: TreeItemView[]) =>
    TREE_ZONES.flatMap((z) => items.filter((i) => i.zone === z)).filter((i) => i.text);

  if (focus) {
    const items = ofGroup(focus.id);
    return (
      <section className="tree-screen" data-testid="screen-tree" data-group-id={focus.id} aria-labelledby="tree-focus">
        <h2 id="tree-focus" className="screen-section-title">
          {focus.name}
        </h2>
        <Pager className="screen-wall screen-wall--wide" label={focus.name}>
          {TREE_ZONES.flatMap((z) =>
            chunk(
              items.filter((i) => i.zone === z && i.text),
              PER_ZONE,
            ).map((part, n) => (
              <li key={`${z}-${n}`} className="screen-card tree-zone-card" data-zone={z}>
                <h3 className="screen-card__title">
                  {localise(TREE_ZONE_INFO[z].name, lang)}
                  {n > 0 && ` (${n + 1})`}
                </h3>
                <p className="screen-card__meta">{localise(TREE_ZONE_INFO[z].meaning, lang)}</p>
                <ul className="screen-card__list">
                  {part.map((i) => (
                    <li key={i.id} className="tree-card__item" data-testid="screen-tree-item">
                      <span className="tree-card__text" data-contribution>
                        {i.text}
                      </span>
                      {i.linkNo && <span className="tree-card__link"> ↔ {i.linkNo}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            )),
          )}
        </Pager>
      </section>
    );
  }

  return (
    <div className="tree-screen">
      <Pager className="screen-wall" label={links.length ? t('links') : t('trees', { count: groups.length })}>
        {links.map((l, n) => (
          <li key={l.id} className="screen-card tree-link-card" data-testid="screen-links">
            <h2 className="screen-card__title">
              {n + 1}. {l.label || t('links')}
            </h2>
            <ul className="screen-card__list">
              {l.itemIds.map((id) => {
                const item = all.find((i) => i.id === id);
                return item?.text ? (
                  <li key={id} className="tree-card__item">
                    <span className="tree-card__text" data-contribution>
                      {item.text}
                    </span>
                  </li>
                ) : null;
              })}
            </ul>
          </li>
        ))}
        {groups.flatMap((g) =>
          chunk(byZone(ofGroup(g.id)), PER_CARD).map((part, n) => (
            <li
              key={`${g.id}-${n}`}
              className="screen-card tree-card"
              data-testid={n === 0 ? 'screen-tree' : 'screen-tree-more'}
              data-group-id={g.id}
            >
              <h2 className="screen-card__title">
                {g.name}
                {n > 0 && ` (${n + 1})`}
              </h2>
              <TreeItems items={part} />
            </li>
          )),
        )}
      </Pager>
    </div>
  );
}
