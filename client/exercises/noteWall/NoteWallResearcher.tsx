import '../../i18n/staff';
import { useLang, useT } from '../../i18n/i18n';
import type { ResearcherProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes } from './useSessionNotes';

/** A live feed of the followed group's notes, newest first, with time, author and side. */
export function NoteWallResearcher({ session, groupId }: ResearcherProps) {
  const t = useT();
  const lang = useLang();
  const authors = useAuthors();
  const notes = useSessionNotes(session.id)
    .filter((n) => groupId === null || n.groupId === groupId)
    .reverse();
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  if (notes.length === 0) return <p className="muted">{t('notes.none')}</p>;
  return (
    <ol className="feed" data-testid="researcher-feed">
      {notes.map((n) => {
        const author = authors.participant(n.authorId);
        return (
          <li key={n.id} className={`feed__item ${n.hidden ? 'feed__item--hidden' : ''}`} data-testid="researcher-note">
            <p className="feed__meta">
              <time dateTime={new Date(n.createdAt).toISOString()}>{time.format(n.createdAt)}</time>
              {' · '}
              {authors.authorName(n.authorId)}
              {author && ` (${t(author.side === 'formal' ? 'console.formal' : 'console.informal')})`}
              {n.groupId && ` · ${authors.groupName(n.groupId)}`}
              {n.hidden && ` · ${t('notes.hidden')}`}
            </p>
            <p className="feed__text">{n.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
