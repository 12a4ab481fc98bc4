import { useState } from 'react';
import { api } from '../api';
import { useLang } from '../i18n/i18n';
import { useResearchT } from './i18n';
import { clock, useNames } from './useNames';

interface Entry {
  createdBy: string;
  loggedAt: number;
  edits: number;
  lastEditedAt: number | null;
  editors: string[];
  deletedAt: number | null;
}

/** "Herkomst": who wrote an item and who changed it how often, read on demand from the server's update log. */
export function Provenance(props: { workshopId: string; token: string; itemId: string }) {
  const t = useResearchT();
  const names = useNames();
  const time = clock(useLang());
  const [entry, setEntry] = useState<Entry | null | 'loading' | 'missing'>(null);
  const actor = (a: string) => {
    const m = /^participant:(.+)$/.exec(a);
    return m ? names.author(m[1] ?? null) : a;
  };
  const toggle = () => {
    if (entry !== null) return setEntry(null);
    setEntry('loading');
    api<{ entries: Record<string, Entry> }>(`/api/workshops/${props.workshopId}/provenance?doc=board`, {
      token: props.token,
    })
      .then((r) => setEntry(r.entries[props.itemId] ?? 'missing'))
      .catch(() => setEntry('missing'));
  };
  return (
    <div className="provenance">
      <button
        type="button"
        className="button button--small button--ghost"
        aria-expanded={entry !== null}
        onClick={toggle}
      >
        {t('provenance')}
      </button>
      {entry === 'loading' && <p className="muted">…</p>}
      {entry === 'missing' && <p className="muted">{t('provenanceMissing')}</p>}
      {entry && typeof entry === 'object' && (
        <p className="feed__meta" data-testid="provenance">
          {t('provenanceCreated', { who: actor(entry.createdBy), time: time.format(entry.loggedAt) })}
          {entry.edits > 0 &&
            ` · ${t('provenanceEdited', {
              count: entry.edits,
              who: entry.editors.map(actor).join(', '),
              time: entry.lastEditedAt ? time.format(entry.lastEditedAt) : '',
            })}`}
        </p>
      )}
    </div>
  );
}
