import { memo, useMemo } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { useT } from '../../i18n/i18n';
import type { ScreenProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes, type Note } from './useSessionNotes';

/** How many notes fit a 16:9 wall at the screen's type size; older ones give way to newer ones. */
const MAX_ON_WALL = 24;

/** One card; memoised, so a new note renders one card instead of the whole wall. */
const ScreenNote = memo(function ScreenNote({ id, text, group }: { id: string; text: string; group: string }) {
  return (
    <li className="screen-note" data-testid="screen-note" data-note-id={id}>
      <p className="screen-note__text">{text}</p>
      {group && <p className="screen-note__meta">{group}</p>}
    </li>
  );
});

/** The visible notes as cards, newest first (and gently animated in); a spotlighted note is shown large. */
export function NoteWallScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useT();
  const authors = useAuthors();
  const notes = useSessionNotes(session.id);
  const visible = useMemo(() => notes.filter(isVisible), [notes]);
  const spotlight = spotlightItemId ? visible.find((n) => n.id === spotlightItemId) : undefined;
  const wall = useMemo(() => newestFirst(visible, MAX_ON_WALL), [visible]);

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
        <ScreenNote key={n.id} id={n.id} text={n.text} group={authors.groupName(n.groupId)} />
      ))}
    </ul>
  );
}

/** The last `n` notes of a list sorted oldest first, newest first. */
function newestFirst(notes: readonly Note[], n: number): Note[] {
  const out: Note[] = [];
  for (let i = notes.length - 1; i >= 0 && out.length < n; i--) out.push(notes[i]!);
  return out;
}
