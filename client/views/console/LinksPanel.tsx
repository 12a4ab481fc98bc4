import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LinksList, type WorkshopLinks } from '../../components/LinksList';
import { useT } from '../../i18n/i18n';
import { RotateLinks } from './RotateLinks';

/** The workshop's links (fetched with the facilitator's token), with a shortcut to open the screen. */
export function LinksPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const [links, setLinks] = useState<WorkshopLinks | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<WorkshopLinks>(`/api/workshops/${encodeURIComponent(workshopId)}/links`, { token })
      .then((l) => live && setLinks(l))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [workshopId, token]);
  return (
    <section className="panel links-panel" aria-labelledby="links-title">
      <h2 id="links-title">{t('links.title')}</h2>
      {error && (
        <p className="field__error" role="alert">
          {t('links.loadFailed', { message: error })}
        </p>
      )}
      {links && (
        <>
          <a
            className="button button--primary"
            href={links.screen}
            target="_blank"
            rel="noreferrer"
            data-testid="open-screen"
          >
            {t('links.openScreen')}
          </a>
          <LinksList links={links} />
          <RotateLinks workshopId={workshopId} token={token} onRotated={setLinks} />
        </>
      )}
    </section>
  );
}
