import { lazy, Suspense } from 'react';
import { useT } from '../i18n/i18n';
import { CopyField } from './CopyField';

// The QR library loads only when someone opens the link, so a phone's first download stays small.
const QrCode = lazy(() => import('./QrCode').then((m) => ({ default: m.QrCode })));

/** The personal link of a participant: `/p/<workshop>#<token>`, the token in the fragment like the staff links. */
export const reentryLink = (origin: string, workshopId: string, token: string): string =>
  `${origin}/p/${workshopId}#${encodeURIComponent(token)}`;

/** "Keep this link": the participant's own way back, as themselves, on this or another phone. */
export function ReentryLink({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const link = reentryLink(window.location.origin, workshopId, token);
  return (
    <details className="reentry" data-testid="reentry">
      <summary>{t('reentry.title')}</summary>
      <p>{t('reentry.hint')}</p>
      <CopyField label={t('reentry.label')} value={link} testId="reentry-link" />
      <Suspense fallback={null}>
        <QrCode value={link} label={t('reentry.qr')} />
      </Suspense>
    </details>
  );
}
