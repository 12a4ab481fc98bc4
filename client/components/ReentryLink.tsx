import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/i18n';
import { CopyField } from './CopyField';

// The QR library loads only when someone opens the link (a closed <details> still renders its children, so the code
// is only rendered once it is open), so a phone's first download stays small.
const QrCode = lazy(() => import('./QrCode').then((m) => ({ default: m.QrCode })));

/** The personal link of a participant: `/p/<workshop>#<token>`, the token in the fragment like the staff links. */
export const reentryLink = (origin: string, workshopId: string, token: string): string =>
  `${origin}/p/${workshopId}#${encodeURIComponent(token)}`;

/** "Keep this link": the participant's own way back, as themselves, on this or another phone. */
export function ReentryLink({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const link = reentryLink(window.location.origin, workshopId, token);
  const [open, setOpen] = useState(false);
  return (
    <details className="reentry" data-testid="reentry" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('reentry.title')}</summary>
      <p>{t('reentry.hint')}</p>
      <CopyField label={t('reentry.label')} value={link} testId="reentry-link" />
      {open && (
        <Suspense fallback={null}>
          <QrCode value={link} label={t('reentry.qr')} />
        </Suspense>
      )}
    </details>
  );
}
