import { useCallback, useEffect, useState } from 'react';
import { normaliseJoinCode } from '../../shared/ids';
import type { JoinInfoResponse } from '../../shared/protocol';
import { api, ApiRequestError } from '../api';
import { Page } from '../components/Page';
import { errorText } from '../i18n/errors';
import { useT } from '../i18n/i18n';
import { loadIdentity } from '../identity';
import { navigate } from '../router';
import { JoinForm } from './join/JoinForm';
import { JoinCodeCard } from './landing/JoinCodeCard';

type Lookup =
  | { state: 'loading' }
  | { state: 'found'; info: JoinInfoResponse }
  | { state: 'unknown' }
  | { state: 'error'; code: string };

/** `/j/<code>`: look the workshop up, then the join form; a phone that already joined goes straight on. */
export function Join({ code: rawCode }: { code: string | null }) {
  const t = useT();
  const code = rawCode ? normaliseJoinCode(rawCode) : null;
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });

  const load = useCallback(async () => {
    if (!code) return;
    setLookup({ state: 'loading' });
    try {
      const info = await api<JoinInfoResponse>(`/api/join/${encodeURIComponent(code)}`);
      if (loadIdentity(info.workshopId)) return navigate(`/p/${info.workshopId}`, { replace: true });
      setLookup({ state: 'found', info });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) setLookup({ state: 'unknown' });
      else setLookup({ state: 'error', code: err instanceof ApiRequestError ? err.code : 'internal' });
    }
  }, [code]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!code) {
    return (
      <Page variant="phone">
        {rawCode && (
          <p className="notice notice--error" role="alert">
            {t('landing.join.invalid')}
          </p>
        )}
        <JoinCodeCard initialCode={rawCode ?? ''} />
      </Page>
    );
  }

  return (
    <Page variant="phone">
      {lookup.state === 'loading' && <p role="status">{t('join.loading')}</p>}
      {lookup.state === 'unknown' && (
        <>
          <h1>{t('landing.join.title')}</h1>
          <p className="notice notice--error" role="alert" data-testid="join-error">
            {t('join.unknownCode', { code })}
          </p>
          <JoinCodeCard />
        </>
      )}
      {lookup.state === 'error' && (
        <p className="notice notice--error" role="alert" data-testid="join-error">
          {errorText(t, lookup.code)}
        </p>
      )}
      {lookup.state === 'found' && <JoinForm code={code} info={lookup.info} onRetry={() => void load()} />}
    </Page>
  );
}
