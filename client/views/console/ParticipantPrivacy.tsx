import { useState } from 'react';
import type { ParticipantInfo } from '../../../shared/controlDoc';
import { api } from '../../api';
import { useT } from '../../i18n/i18n';

type Pending = 'revoke' | 'erase' | null;

/**
 * A participant's access and data, from the console (docs/API.md, "Consent and erasure"): revoke their phone's access
 * (a lost phone; they can join again), or erase everything they contributed, on their request. Both ask first.
 */
export function ParticipantPrivacy({
  workshopId,
  token,
  participant,
}: {
  workshopId: string;
  token: string;
  participant: ParticipantInfo;
}) {
  const t = useT();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/workshops/${encodeURIComponent(workshopId)}/participants/${encodeURIComponent(participant.id)}`;

  const run = (what: 'revoke' | 'erase') => {
    setBusy(true);
    setError(null);
    api<unknown>(`${base}/${what}`, { method: 'POST', token }).then(
      () => {
        setBusy(false);
        setPending(null);
        // After an erasure the row disappears with the participant; a revocation says it happened.
        setStatus(what === 'revoke' ? t('privacy.revoked', { name: participant.name }) : null);
      },
      (err: Error) => {
        setBusy(false);
        setError(t('privacy.failed', { message: err.message }));
      },
    );
  };

  return (
    <details className="privacy" data-testid="participant-privacy">
      <summary className="privacy__summary">{t('privacy.summary', { name: participant.name })}</summary>
      {pending ? (
        <div className="privacy__confirm">
          <p role="status">
            {t(pending === 'erase' ? 'privacy.confirmErase' : 'privacy.confirmRevoke', { name: participant.name })}
          </p>
          <button
            type="button"
            className={`button button--small ${pending === 'erase' ? 'button--danger' : 'button--primary'}`}
            disabled={busy}
            onClick={() => run(pending)}
            data-testid={`privacy-confirm-${pending}`}
          >
            {t(pending === 'erase' ? 'privacy.eraseYes' : 'privacy.revokeYes')}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => setPending(null)}>
            {t('privacy.cancel')}
          </button>
        </div>
      ) : (
        <div className="privacy__actions">
          {(['revoke', 'erase'] as const).map((what) => (
            <button
              key={what}
              type="button"
              className="button button--small"
              onClick={() => setPending(what)}
              data-testid={`privacy-${what}`}
            >
              {t(what === 'revoke' ? 'privacy.revoke' : 'privacy.erase')}
            </button>
          ))}
        </div>
      )}
      {status && <p role="status">{status}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
