import { useState, type FormEvent } from 'react';
import type { CreateWorkshopResponse } from '../../../shared/protocol';
import { api, ApiRequestError } from '../../api';
import { LinksList } from '../../components/LinksList';
import { useT } from '../../i18n/i18n';
import { OrganiserWorkshops } from './OrganiserWorkshops';

const DEFAULT_GROUPS = ['Utrecht', 'Zaandam', 'Dordrecht', 'Den Haag', 'Zuidplas'];

/** The "Workshop aanmaken" card: organiser key, title and cooperations; on success the workshop's links. */
export function CreateWorkshopCard() {
  const t = useT();
  // The printed organiser link carries the key in the fragment (never sent to a server); `?key=` still works.
  const [key, setKey] = useState(
    () =>
      new URLSearchParams(window.location.hash.slice(1)).get('key') ??
      new URLSearchParams(window.location.search).get('key') ??
      '',
  );
  const [title, setTitle] = useState(() => t('landing.create.defaultTitle'));
  const [groups, setGroups] = useState(DEFAULT_GROUPS.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ title: string; res: CreateWorkshopResponse } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const groupNames = groups
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean);
    if (groupNames.length === 0) return setError(t('landing.create.noGroups'));
    setBusy(true);
    setError(null);
    try {
      const res = await api<CreateWorkshopResponse>('/api/workshops', {
        method: 'POST',
        token: key.trim(),
        body: { title: title.trim(), groups: groupNames },
      });
      setCreated({ title: title.trim(), res });
    } catch (err) {
      setError(t('common.error', { message: err instanceof ApiRequestError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section className="card card--wide" aria-labelledby="created-title" data-testid="workshop-created">
        <h2 id="created-title">{t('landing.create.title')}</h2>
        <p role="status">{t('landing.create.done', { title: created.title })}</p>
        <LinksList links={created.res.links} />
        <a className="button button--primary" href={created.res.links.facilitator} data-testid="open-console">
          {t('landing.create.openConsole')}
        </a>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="create-card-title">
      <h2 id="create-card-title">{t('landing.create.title')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="organiser-key">{t('landing.create.key')}</label>
          <input
            id="organiser-key"
            className="input"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
            aria-describedby="organiser-key-hint"
            data-testid="organiser-key"
          />
          <p id="organiser-key-hint" className="field__hint">
            {t('landing.create.keyHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="workshop-title">{t('landing.create.workshopTitle')}</label>
          <input
            id="workshop-title"
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={120}
            data-testid="workshop-title"
          />
        </div>
        <div className="field">
          <label htmlFor="workshop-groups">{t('landing.create.groups')}</label>
          <textarea
            id="workshop-groups"
            className="input"
            rows={6}
            value={groups}
            onChange={(e) => setGroups(e.target.value)}
            data-testid="workshop-groups"
          />
        </div>
        {error && (
          <p className="field__error" role="alert" data-testid="create-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="create-workshop">
          {busy ? t('landing.create.busy') : t('landing.create.submit')}
        </button>
      </form>
      <OrganiserWorkshops organiserKey={key} />
    </section>
  );
}
