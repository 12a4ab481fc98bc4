import { useState, type FormEvent } from 'react';
import type { Side } from '../../../shared/programme';
import type { JoinInfoResponse, JoinResponse } from '../../../shared/protocol';
import { api, ApiRequestError } from '../../api';
import { errorText } from '../../i18n/errors';
import { useLang, useT, type MessageKey } from '../../i18n/i18n';
import { saveIdentity } from '../../identity';
import { navigate } from '../../router';

type FieldError = 'name' | 'group' | 'side' | 'consent';
const ERROR_TEXT: Record<FieldError, MessageKey> = {
  name: 'join.errName',
  group: 'join.errGroup',
  side: 'join.errSide',
  consent: 'join.errConsent',
};

/** Name, cooperation, formal/informal and consent; on success the identity is stored and the phone moves on. */
export function JoinForm({ code, info, onRetry }: { code: string; info: JoinInfoResponse; onRetry: () => void }) {
  const t = useT();
  const lang = useLang();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [side, setSide] = useState<Side | ''>('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!name.trim()) found.push('name');
    if (!groupId) found.push('group');
    if (!side) found.push('side');
    if (!consent) found.push('consent');
    setErrors(found);
    setServerError(null);
    if (found.length > 0) {
      document.getElementById(`join-${found[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      // ?w= is the routing key for a load balancer in front of many instances.
      const res = await api<JoinResponse>(`/api/join?w=${encodeURIComponent(info.workshopId)}`, {
        method: 'POST',
        body: { code, name: name.trim(), groupId, side, consent: true },
      });
      saveIdentity(res.workshopId, { participantId: res.participantId, token: res.token });
      navigate(`/p/${res.workshopId}`);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'join_closed') setServerError(t('join.closed'));
      else if (err instanceof ApiRequestError && err.status === 404) setServerError(t('join.unknownCode', { code }));
      else setServerError(errorText(t, err instanceof ApiRequestError ? err.code : 'internal'));
      setBusy(false);
    }
  };

  const has = (f: FieldError) => errors.includes(f);
  const errorFor = (f: FieldError) =>
    has(f) ? (
      <p id={`join-${f}-error`} className="field__error">
        {t(ERROR_TEXT[f])}
      </p>
    ) : null;

  return (
    <section aria-labelledby="join-title" className="join">
      <h1 id="join-title">{t('join.title', { title: info.title })}</h1>
      {!info.joinOpen && (
        <div className="notice notice--warning" role="alert" data-testid="join-closed">
          <p>{t('join.closed')}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('join.retry')}
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>{t('join.errorsTitle')}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="join__form">
        <div className="field">
          <label htmlFor="join-name">{t('join.name')}</label>
          <input
            id="join-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            autoComplete="given-name"
            aria-invalid={has('name')}
            aria-describedby={`join-name-hint${has('name') ? ' join-name-error' : ''}`}
            data-testid="join-name"
          />
          <p id="join-name-hint" className="field__hint">
            {t('join.nameHint')}
          </p>
          {errorFor('name')}
        </div>
        <div className="field">
          <label htmlFor="join-group">{t('join.group')}</label>
          <select
            id="join-group"
            className="input"
            value={groupId}
            onChange={(e) => setGroupId(e.target.value)}
            aria-invalid={has('group')}
            aria-describedby={has('group') ? 'join-group-error' : undefined}
            data-testid="join-group"
          >
            <option value="">{t('join.groupPlaceholder')}</option>
            {info.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {errorFor('group')}
        </div>
        <fieldset className="field choices" aria-describedby={has('side') ? 'join-side-error' : undefined}>
          <legend>{t('join.side')}</legend>
          {(['formal', 'informal'] as const).map((s, i) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="side"
                value={s}
                id={i === 0 ? 'join-side' : undefined}
                checked={side === s}
                onChange={() => setSide(s)}
                data-testid={`join-side-${s}`}
              />
              <span>
                <strong>{t(s === 'formal' ? 'join.formal' : 'join.informal')}</strong>
                <span className="choice__hint">{t(s === 'formal' ? 'join.formalHint' : 'join.informalHint')}</span>
              </span>
            </label>
          ))}
          {errorFor('side')}
        </fieldset>
        <fieldset className="field consent">
          <legend>{t('join.consentTitle')}</legend>
          <p className="consent__text" id="consent-text">
            {info.consentText[lang] || info.consentText.nl}
          </p>
          <label className="choice">
            <input
              type="checkbox"
              id="join-consent"
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              aria-describedby={`consent-text${has('consent') ? ' join-consent-error' : ''}`}
              data-testid="join-consent"
            />
            <span>{t('join.consent')}</span>
          </label>
          {errorFor('consent')}
        </fieldset>
        {serverError && (
          <p className="notice notice--error" role="alert" data-testid="join-error">
            {serverError}
          </p>
        )}
        <div className="action-bar">
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={busy}
            data-testid="join-submit"
          >
            {busy ? t('join.busy') : t('join.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
