import { useMemo } from 'react';
import type { VotingConfig } from '../../../shared/controlDoc';
import { tallyVotes } from '../../../shared/toolkit/votes';
import { useBoardStore } from '../../store/boardStore';
import { plural, useScreenT } from './i18n';
import { Pager } from './Pager';

/** Text of a voted item, whatever its kind keeps it in. */
const textOf = (item: Record<string, unknown> | undefined): string =>
  typeof item?.text === 'string' ? item.text : typeof item?.name === 'string' ? item.name : '';

/** The open dot vote as a bar chart, most dots first, with the counts in words for screen readers. */
export function VoteResults({ voting }: { voting: VotingConfig }) {
  const t = useScreenT();
  const items = useBoardStore((s) => s.items);
  const rows = useMemo(() => {
    const tally = tallyVotes(Object.values(items), voting);
    return [...tally.entries()]
      .map(([id, count]) => ({ id, count, text: textOf(items[id] as Record<string, unknown> | undefined) }))
      .filter((r) => r.text)
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  }, [items, voting]);
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (rows.length === 0) return <p className="screen-wall__empty">{t('noVotes')}</p>;
  return (
    <section className="screen-votes" aria-labelledby="screen-votes-title" data-testid="screen-votes">
      <h2 id="screen-votes-title" className="screen-section-title">
        {t('votes')}
      </h2>
      <Pager label={t('votes')} className="screen-chart" ordered>
        {rows.map((r) => (
          <li key={r.id} className="screen-bar" data-testid="screen-vote-row" data-count={r.count}>
            <p className="screen-card__text" data-contribution>
              {r.text}
            </p>
            <span className="screen-bar__track" aria-hidden="true">
              <span className="screen-bar__fill" style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="screen-bar__count">
              <span aria-hidden="true">{r.count}</span>
              <span className="visually-hidden">{plural(t, 'dots', r.count)}</span>
            </span>
          </li>
        ))}
      </Pager>
    </section>
  );
}
