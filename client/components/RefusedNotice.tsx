import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { selectRefused, useConnectionStore } from '../store/connectionStore';

/** Explains, in words, why the server refused this page's connection (it will not retry on its own). */
export function RefusedNotice({ children }: { children?: ReactNode }) {
  const t = useT();
  const refused = useConnectionStore(selectRefused);
  if (!refused) return null;
  const known = [4401, 4403, 4404].includes(refused.code);
  const text = known
    ? t(`conn.refused.${refused.code}` as MessageKey)
    : t('conn.refused.other', { code: refused.code });
  return (
    <div className="notice notice--error" role="alert" data-testid="connection-refused">
      <p>{text}</p>
      {children}
    </div>
  );
}
