import type { Session } from '../../shared/programme';
import { localise, useLang, useT } from '../i18n/i18n';

/** Day, title and prompt of the current session; `data-session-id` lets tests follow the agenda. */
export function SessionHeader({ session, level = 1 }: { session: Session; level?: 1 | 2 }) {
  const t = useT();
  const lang = useLang();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="session-header" data-testid="session-header" data-session-id={session.id}>
      <p className="session-header__day">{t('common.day', { day: session.day })}</p>
      <Heading className="session-header__title" data-testid="session-title">
        {localise(session.title, lang)}
      </Heading>
      <p className="session-header__prompt" data-testid="session-prompt">
        {localise(session.prompt, lang)}
      </p>
    </div>
  );
}
