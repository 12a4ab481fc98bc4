import { TREE_ZONE_INFO } from '../../../shared/exercises/tree/zones';
import { localise, useLang } from '../../i18n/i18n';
import { useAuthors } from '../noteWall/useAuthors';
import type { ResearcherProps } from '../types';
import { ExportableTree } from './ExportableTree';
import { useTreeT } from './i18n';
import { useTree } from './useTree';
import './tree.css';

/** Each tree live, with every note's author, side, zone and time; trees export as SVG or PNG. */
export function TreeResearcher({ session, groupId }: ResearcherProps) {
  const t = useTreeT();
  const lang = useLang();
  const authors = useAuthors();
  const { groups, ofGroup } = useTree(session.id);
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  if (groups.length === 0) return <p className="muted">{t('noGroups')}</p>;
  // The researcher's group filter is a cooperation: show trees with someone of that cooperation in them.
  const shown = groups.filter(
    (g) => groupId === null || g.id === groupId || g.members.some((m) => authors.participant(m)?.groupId === groupId),
  );
  return (
    <div className="tree-researcher">
      {shown.map((g) => (
        <section key={g.id} data-testid="researcher-tree" data-group-id={g.id}>
          <h3>{g.name}</h3>
          <ExportableTree name={g.name} items={ofGroup(g.id)} />
          <ol className="feed">
            {ofGroup(g.id, false).map((i) => {
              const p = authors.participant(i.authorId);
              return (
                <li
                  key={i.id}
                  className={`feed__item ${i.hidden ? 'feed__item--hidden' : ''}`}
                  data-testid="researcher-tree-item"
                >
                  <p className="feed__meta">
                    <time dateTime={new Date(i.createdAt).toISOString()}>{time.format(i.createdAt)}</time> ·{' '}
                    {authors.authorName(i.authorId)}
                    {p && ` (${p.side === 'formal' ? 'formeel' : 'informeel'})`} ·{' '}
                    {localise(TREE_ZONE_INFO[i.zone].name, lang)}
                  </p>
                  <p className="feed__text">{i.text}</p>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
