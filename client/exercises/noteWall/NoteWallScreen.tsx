import { memo, useMemo } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { useT } from '../../i18n/i18n';
import { Pager } from '../../views/screen/Pager';
import { Spotlight } from '../../views/screen/Spotlight';
import type { ScreenProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes } from './useSessionNotes';

/** One card; memoised, so a new note renders one card instead of the whole wall. */
const ScreenNote = memo(function ScreenNote({ id, text, group }: { id: string; text: string; group: string }) {
  return (
    <li className="screen-note" data-testid="screen-note" data-note-id={id}>
      <p className="screen-note__text" data-contribution>
        {text}
      </p>
      {group && <p className="screen-note__meta">{group}</p>}
    </li>
  );
});

/**
 * Every visible note as a card, newest first (gently animated in), paged when they do not fit; a spotlighted note is
 * shown large.
 */
export function NoteWallScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useT();
  const authors = useAuthors();
  const notes = useSessionNotes(session.id);
  const visible = useMemo(() => notes.filter(isVisible), [notes]);
  const spotlight = spotlightItemId ? visible.find((n) => n.id === spotlightItemId) : undefined;
  const wall = useMemo(() => [...visible].reverse(), [visible]);

  if (spotlight) {
    return <Spotlight text={spotlight.text} meta={authors.groupName(spotlight.groupId)} />;
  }
  if (wall.length === 0) return <p className="screen-wall__empty">{t('notes.wallEmpty')}</p>;
  return (
    <Pager className="screen-wall" label={t('notes.count', { count: visible.length })} testId="screen-notes">
      {wall.map((n) => (
        <ScreenNote key={n.id} id={n.id} text={n.text} group={authors.groupName(n.groupId)} />
      ))}
    </Pager>
  );
}
