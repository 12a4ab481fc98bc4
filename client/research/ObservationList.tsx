import { useMemo } from 'react';
import { useLang } from '../i18n/i18n';
import { draftActions } from './draftStore';
import { useResearchT } from './i18n';
import { removeObservation } from './researchActions';
import { useResearchStore } from './researchStore';
import { clock, useNames } from './useNames';

/** The observations of this group and session, newest first; the researcher's own can be edited or deleted. */
export function ObservationList(props: { sessionId: string; groupId: string | null; researcherName: string }) {
  const t = useResearchT();
  const lang = useLang();
  const names = useNames();
  const time = clock(lang);
  const all = useResearchStore((s) => s.observations);
  const codes = useResearchStore((s) => s.codes);
  const codeName = useMemo(
    () => new Map(codes.map((c) => [c.id, lang === 'en' && c.nameEn ? c.nameEn : c.name])),
    [codes, lang],
  );
  const list = all
    .filter((o) => o.sessionId === props.sessionId && (props.groupId === null || o.groupId === props.groupId))
    .reverse();
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('notesEmpty')}</p>
      ) : (
        <ol className="feed" data-testid="observations">
          {list.map((o) => {
            const own = o.researcherName === props.researcherName.trim();
            return (
              <li key={o.id} className="feed__item" data-testid="observation">
                <p className="feed__meta">
                  <time dateTime={new Date(o.time).toISOString()}>{time.format(o.time)}</time> · {o.researcherName}
                  {o.groupId && ` · ${names.group(o.groupId)}`}
                  {o.quote && ` · ${t('quoteMark')}`}
                  {o.updatedAt > o.createdAt && ` · ${t('edited')}`}
                </p>
                <p className="feed__text">
                  {o.speakers.length > 0 && <strong>{o.speakers.map((s) => names.author(s)).join(', ')}: </strong>}
                  {o.text}
                </p>
                {(o.codes.length > 0 || o.links.length > 0) && (
                  <p className="feed__meta" data-testid="observation-codes">
                    {o.codes.map((c) => codeName.get(c) ?? c).join(' · ')}
                    {o.links.length > 0 && ` · ${t('linkedCount', { count: o.links.length })}`}
                  </p>
                )}
                {own && (
                  <div className="button-row">
                    <button type="button" className="button button--small" onClick={() => draftActions.edit(o)}>
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      onClick={() => removeObservation(o.id)}
                    >
                      {t('remove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
