import { useEffect, useState } from 'react';
import type { Item } from '../../shared/boardDoc';
import type { ControlSnapshot } from '../../shared/controlDoc';
import { itemExportText } from '../../shared/exercises/registry';
import { api } from '../api';
import { localise, useLang } from '../i18n/i18n';
import { useResearchT } from './i18n';
import { clock, useNames } from './useNames';

interface BoardReplay {
  at: number;
  from: number | null;
  to: number | null;
  items: Item[];
}

/** A slider over the whole log: shows the group's items, and the session then current, as they were at a moment. */
export function Timeline(props: { workshopId: string; token: string; groupId: string | null }) {
  const t = useResearchT();
  const lang = useLang();
  const names = useNames();
  const time = clock(lang);
  const [bounds, setBounds] = useState<{ from: number; to: number } | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [past, setPast] = useState<{ items: Item[]; session: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { workshopId, token } = props;

  const load = () => {
    setError(null);
    api<BoardReplay>(`/api/workshops/${workshopId}/replay?doc=board`, { token })
      .then((r) => {
        const now = Date.now();
        setBounds({ from: r.from ?? now, to: Math.max(r.to ?? now, r.from ?? now) });
        setAt(r.to ?? now);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  useEffect(() => {
    if (at === null) return;
    let current = true;
    Promise.all([
      api<BoardReplay>(`/api/workshops/${workshopId}/replay?doc=board&at=${at}`, { token }),
      api<{ control: ControlSnapshot }>(`/api/workshops/${workshopId}/replay?doc=control&at=${at}`, { token }),
    ])
      .then(([board, control]) => {
        if (!current) return;
        const c = control.control;
        const s = c.programme.find((x) => x.id === c.state?.currentSessionId);
        setPast({ items: board.items, session: s ? localise(s.title, lang) : '—' });
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    // A newer position supersedes answers still on their way.
    return () => {
      current = false;
    };
  }, [at, workshopId, token, lang]);

  const items = (past?.items ?? [])
    .filter((i) => props.groupId === null || i.groupId === props.groupId)
    .sort((a, b) => b.createdAt - a.createdAt);

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline')}</h2>
      <p className="muted">{t('timelineHelp')}</p>
      {!bounds ? (
        <button type="button" className="button button--small" onClick={load} data-testid="timeline-load">
          {t('load')}
        </button>
      ) : (
        <>
          <label htmlFor="timeline-at">
            {t('timelineAt')}: <output data-testid="timeline-time">{at !== null ? time.format(at) : ''}</output>
          </label>
          <input
            id="timeline-at"
            type="range"
            className="timeline__range"
            min={bounds.from}
            max={bounds.to}
            step={1000}
            value={at ?? bounds.to}
            onChange={(e) => setAt(Number(e.target.value))}
            data-testid="timeline-range"
          />
          <button type="button" className="button button--small button--ghost" onClick={load}>
            {t('live')}
          </button>
          {past && (
            <div data-testid="timeline-state">
              <p>{t('sessionThen', { title: past.session })}</p>
              <p className="muted" data-testid="timeline-count" data-count={items.length}>
                {t('itemsAt', { count: items.length })}
              </p>
              <ol className="feed">
                {items.slice(0, 30).map((i) => (
                  <li key={i.id} className="feed__item">
                    <p className="feed__meta">
                      {time.format(i.createdAt)} · {names.author(i.authorId)}
                    </p>
                    <p className="feed__text">{itemExportText(i)}</p>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </>
      )}
      {error && <p className="field__error">{error}</p>}
    </section>
  );
}
