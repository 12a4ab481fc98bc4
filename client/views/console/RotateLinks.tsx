import { useState } from 'react';
import { api } from '../../api';
import type { WorkshopLinks } from '../../components/LinksList';
import { useT } from '../../i18n/i18n';

type Scope = 'viewers' | 'all';
const ROLES: Record<Scope, string[]> = {
  viewers: ['screen', 'researcher'],
  all: ['facilitator', 'screen', 'researcher'],
};

/**
 * Replaces leaked links (docs/SECURITY.md): the old ones stop working and their open pages are closed. Replacing this
 * console's own link moves the console to its new link. Participants are not affected.
 */
export function RotateLinks({
  workshopId,
  token,
  onRotated,
}: {
  workshopId: string;
  token: string;
  onRotated: (links: WorkshopLinks) => void;
}) {
  const t = useT();
  const [confirm, setConfirm] = useState<Scope | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = (scope: Scope) => {
    setError(null);
    api<{ links: WorkshopLinks }>(`/api/workshops/${encodeURIComponent(workshopId)}/links/rotate`, {
      method: 'POST',
      token,
      body: { roles: ROLES[scope] },
    }).then(
      ({ links }) => {
        setConfirm(null);
        if (scope === 'all') window.location.replace(links.facilitator);
        else onRotated(links);
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <div className="rotate-links" data-testid="rotate-links">
      {confirm ? (
        <>
          <p role="status">{t(confirm === 'all' ? 'links.rotate.confirmAll' : 'links.rotate.confirmViewers')}</p>
          <button type="button" className="button button--primary" onClick={() => rotate(confirm)}>
            {t('links.rotate.yes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirm(null)}>
            {t('links.rotate.no')}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button" onClick={() => setConfirm('viewers')} data-testid="rotate-viewers">
            {t('links.rotate.viewers')}
          </button>
          <button type="button" className="button" onClick={() => setConfirm('all')} data-testid="rotate-all">
            {t('links.rotate.all')}
          </button>
        </>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
