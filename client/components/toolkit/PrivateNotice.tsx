import { useT } from '../../i18n/i18n';
import { usePrivateWriting } from '../../sync/privateWriting';

/** Tells a participant that what they write now stays private until the facilitator reveals it. */
export function PrivateNotice() {
  const t = useT();
  if (!usePrivateWriting()) return null;
  return (
    <p className="notice notice--info" role="status" data-testid="private-notice">
      {t('toolkit.private')}
    </p>
  );
}
