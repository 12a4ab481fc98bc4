import { useMemo } from 'react';
import type { Item } from '../../shared/boardDoc';
import { itemExportText } from '../../shared/exercises/registry';
import { itemProblem } from '../../shared/research/recordCheck';
import { PartBoundary } from '../components/PartBoundary';
import { useLang } from '../i18n/i18n';
import { useSessionItems } from '../store/boardStore';
import { useDraftStore, draftActions } from './draftStore';
import { useResearchT } from './i18n';
import { Provenance } from './Provenance';
import { clock, useNames } from './useNames';

/** The base fields only: checked on every change, so the kinds' own (large) values are not walked. */
const SHALLOW = { deep: false };

/** The session's items of one group (or all), newest first. */
export function useFeedItems(sessionId: string, groupId: string | null): Item[] {
  const items = useSessionItems(sessionId);
  // A damaged item (named in the damaged notice) is left out, so it cannot blank the console.
  return useMemo(
    () =>
      items
        .filter((i) => (groupId === null || i.groupId === groupId) && itemProblem(i, undefined, SHALLOW) === null)
        .reverse(),
    [items, groupId],
  );
}

/** A live feed of any exercise's items, each linkable to the observation being written. */
export function ItemFeed({ items, workshopId, token }: { items: Item[]; workshopId: string; token: string }) {
  const t = useResearchT();
  if (items.length === 0) return <p className="muted">{t('feedEmpty')}</p>;
  return (
    <ol className="feed" data-testid="research-feed" aria-live="polite">
      {items.map((i) => (
        <li
          key={i.id}
          className={`feed__item rfeed__item ${i.hidden ? 'feed__item--hidden' : ''}`}
          data-testid="feed-item"
        >
          {/* One card that fails to render is replaced by a notice; the feed stays. */}
          <PartBoundary compact>
            <FeedEntry item={i} workshopId={workshopId} token={token} />
          </PartBoundary>
        </li>
      ))}
    </ol>
  );
}

function FeedEntry({ item: i, workshopId, token }: { item: Item; workshopId: string; token: string }) {
  const t = useResearchT();
  const names = useNames();
  const time = clock(useLang());
  const linked = useDraftStore((d) => d.links.includes(i.id));
  const text = names.readable(itemExportText(i));
  return (
    <>
      <div>
        <p className="feed__meta">
          <time dateTime={new Date(i.createdAt).toISOString()}>{time.format(i.createdAt)}</time>
          {' · '}
          {names.author(i.authorId)}
          {i.groupId && ` · ${names.group(i.groupId)}`}
          {` · ${i.kind}`}
          {i.updatedAt > i.createdAt + 1000 && ` · ✎ ${time.format(i.updatedAt)}`}
        </p>
        <p className="feed__text">{text}</p>
        <Provenance workshopId={workshopId} token={token} itemId={i.id} />
      </div>
      <button
        type="button"
        className={`button button--small ${linked ? 'button--primary' : ''}`}
        aria-pressed={linked}
        aria-label={t('linkLabel', { text: text.slice(0, 60) })}
        onClick={() => draftActions.toggleLink(i.id)}
      >
        {linked ? t('linked') : t('link')}
      </button>
    </>
  );
}
