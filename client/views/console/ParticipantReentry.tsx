import { useId, useState } from 'react';
import type { ParticipantInfo } from '../../../shared/controlDoc';
import { api } from '../../api';
import { CopyField } from '../../components/CopyField';
import { QrCode } from '../../components/QrCode';
import { useT } from '../../i18n/i18n';

/**
 * Coming back as yourself, from the console (docs/API.md, "Participants"): show a participant's re-entry link as a
 * QR code (a new token of theirs each time; earlier ones stay valid), or merge them into another participant who is
 * the same person (a second registration). Merging asks first: it cannot be undone.
 */
export function ParticipantReentry({
  workshopId,
  token,
  participant,
  others,
}: {
  workshopId: string;
  token: string;
  participant: ParticipantInfo;
  /** Everyone else, to merge into. */
  others: ParticipantInfo[];
}) {
  const t = useT();
  const selectId = useId();
  const [link, setLink] = useState<string | null>(null);
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/workshops/${encodeURIComponent(workshopId)}/participants/${encodeURIComponent(participant.id)}`;
  const target = others.find((o) => o.id === into);

  const showLink = () => {
    setError(null);
    api<{ link: string }>(`${base}/link`, { method: 'POST', token }).then(
      (r) => setLink(r.link),
      (err: Error) => setError(err.message),
    );
  };
  const merge = () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    api<unknown>(`${base}/merge`, { method: 'POST', token, body: { into: target.id } }).then(
      () => setBusy(false), // The row disappears with the merged participant.
      (err: Error) => {
        setBusy(false);
        setError(t('console.mergeFailed', { message: err.message }));
      },
    );
  };

  return (
    <details className="privacy" data-testid="participant-reentry">
      <summary className="privacy__summary">{t('console.reentryFor', { name: participant.name })}</summary>
      {link ? (
        <div data-testid="reentry-shown">
          <p>{t('console.reentryHint', { name: participant.name })}</p>
          <QrCode value={link} label={t('console.reentryFor', { name: participant.name })} />
          <CopyField label={t('console.reentry')} value={link} testId="console-reentry-link" />
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={showLink} data-testid="reentry-show">
          {t('console.reentry')}
        </button>
      )}
      {others.length > 0 && (
        <div className="privacy__actions">
          <label htmlFor={selectId}>{t('console.mergeLabel', { name: participant.name })}</label>
          <select
            id={selectId}
            className="input input--small"
            value={into}
            onChange={(e) => setInto(e.target.value)}
            data-testid="merge-into"
          >
            <option value="">{t('console.mergeChoose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {target && (
            <div className="privacy__confirm">
              <p role="status">{t('console.mergeConfirm', { from: participant.name, into: target.name })}</p>
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy}
                onClick={merge}
                data-testid="merge-confirm"
              >
                {t('console.mergeYes')}
              </button>
            </div>
          )}
        </div>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
