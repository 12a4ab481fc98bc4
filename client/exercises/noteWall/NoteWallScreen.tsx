import { isVisible } from '../../../shared/boardDoc';
import { useT } from '../../i18n/i18n';
import type { ScreenProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes } from './useSessionNotes';

/** How many notes fit a 16:9 wall at the screen's type size; older ones give way to newer ones. */
const MAX_ON_WALL = 24;

/** The visible notes as cards, newest first (and gently animated in); a spotlighted note is shown large. */
export function NoteWallScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useT();
  const authors = useAuthors();
  const visible = useSessionNotes(session.id).filter(isVisible);
  const spotlight = spotlightItemId ? visible.find((n) => n.id === spotlightItemId) : undefined;
  const wall = [...visible].reverse().slice(0, MAX_ON_WALL);

  if (spotlight) {
    return (
      <figure className="spotlight" data-testid="spotlight">
        <figcaption className="visually-hidden">{t('screen.spotlight')}</figcaption>
        <blockquote className="spotlight__text">{spotlight.text}</blockquote>
        <p className="spotlight__meta">{authors.groupName(spotlight.groupId)}</p>
      </figure>
    );
  }
  if (wall.length === 0) return <p className="screen-wall__empty">{t('notes.wallEmpty')}</p>;
  return (
    <ul className="screen-wall" aria-label={t('notes.count', { count: visible.length })} data-testid="screen-notes">
      {wall.map((n) => (
        <li key={n.id} className="screen-note" data-testid="screen-note" data-note-id={n.id}>
          <p className="screen-note__text">{n.text}</p>
          {n.groupId && <p className="screen-note__meta">{authors.groupName(n.groupId)}</p>}
        </li>
      ))}
    </ul>
  );
}
