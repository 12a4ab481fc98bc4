import { useMemo } from 'react';
import type { Item } from '../../shared/boardDoc';
import { itemExportText } from '../../shared/exercises/registry';
import { useLang } from '../i18n/i18n';
import { useSessionItems } from '../store/boardStore';
import { useDraftStore, draftActions } from './draftStore';
import { useResearchT } from './i18n';
import { Provenance } from './Provenance';
import { clock, useNames } from './useNames';

/** The session's items of one group (or all), newest first. */
export function useFeedItems(sessionId: string, groupId: string | null): Item[] {
  const items = useSessionItems(sessionId);
  return useMemo(() => items.filter((i) => groupId === null || i.groupId === groupId).reverse(), [items, groupId]);
}

/** A live feed of any exercise's items, each linkable to the observation being written. */
export function ItemFeed({ items, workshopId, token }: { items: Item[]; workshopId: string; token: string }) {
  const t = useResearchT();
  const names = useNames();
  const time = clock(useLang());
  const links = useDraftStore((d) => d.links);
  if (items.length === 0) return <p className="muted">{t('feedEmpty')}</p>;
  return (
    <ol className="feed" data-testid="research-feed" aria-live="polite">
      {items.map((i) => {
        const text = names.readable(itemExportText(i));
        const linked = links.includes(i.id);
        return (
          <li
            key={i.id}
            className={`feed__item rfeed__item ${i.hidden ? 'feed__item--hidden' : ''}`}
            data-testid="feed-item"
          >
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
          </li>
        );
      })}
    </ol>
  );
}
