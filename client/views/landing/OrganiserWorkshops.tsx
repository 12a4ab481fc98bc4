import { useState } from 'react';
import type { FacilitatorLinkResponse, WorkshopListResponse } from '../../../shared/protocol';
import { api, ApiRequestError } from '../../api';
import { useT } from '../../i18n/i18n';

type Listed = WorkshopListResponse['workshops'][number];

/** A lost console link: with the organiser key, list the workshops and hand out a new facilitator link. */
export function OrganiserWorkshops({ organiserKey }: { organiserKey: string }) {
  const t = useT();
  const [list, setList] = useState<Listed[] | null>(null);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) =>
    setError(t('common.error', { message: err instanceof ApiRequestError ? err.message : String(err) }));
  const load = async () => {
    setError(null);
    try {
      setList((await api<WorkshopListResponse>('/api/workshops', { token: organiserKey.trim() })).workshops);
    } catch (err) {
      fail(err);
    }
  };
  const newLink = async (w: Listed) => {
    if (!window.confirm(t('landing.workshops.confirm', { title: w.title }))) return;
    try {
      const res = await api<FacilitatorLinkResponse>(`/api/workshops/${w.id}/facilitator-link`, {
        method: 'POST',
        token: organiserKey.trim(),
      });
      setLinks((l) => ({ ...l, [w.id]: res.link }));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <div className="organiser-workshops">
      <button
        type="button"
        className="button"
        disabled={!organiserKey.trim()}
        onClick={() => void load()}
        data-testid="list-workshops"
      >
        {t('landing.workshops.show')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p>{t('landing.workshops.none')}</p>}
      {list && list.length > 0 && (
        <ul className="organiser-workshops__list">
          {list.map((w) => (
            <li key={w.id} data-testid="listed-workshop" data-workshop-id={w.id}>
              <strong>{w.title}</strong> ({w.joinCode}, {new Date(w.createdAt).toLocaleDateString()}){' '}
              {links[w.id] ? (
                <a className="button button--small" href={links[w.id]} data-testid="new-console-link">
                  {t('landing.create.openConsole')}
                </a>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void newLink(w)}
                  data-testid="new-facilitator-link"
                >
                  {t('landing.workshops.newLink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
