import { memo, useMemo, useRef, type ReactElement } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { useT } from '../../i18n/i18n';
import { Pager } from '../../views/screen/Pager';
import { Spotlight } from '../../views/screen/Spotlight';
import type { ScreenProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes, type Note } from './useSessionNotes';

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
  // Each note's card element is kept while the note (a new object when it changes) and its group's name stay: a new
  // note then makes one new element, and the Pager sees the other 500 as unchanged at a glance (same props object).
  const made = useRef(new WeakMap<Note, { group: string; card: ReactElement }>());
  const cards = useMemo(
    () =>
      visible
        .map((n) => {
          const group = authors.groupName(n.groupId);
          let c = made.current.get(n);
          if (c?.group !== group) {
            c = { group, card: <ScreenNote key={n.id} id={n.id} text={n.text} group={group} /> };
            made.current.set(n, c);
          }
          return c.card;
        })
        .reverse(),
    [visible, authors],
  );

  if (spotlight) {
    return <Spotlight text={spotlight.text} meta={authors.groupName(spotlight.groupId)} />;
  }
  if (cards.length === 0) return <p className="screen-wall__empty">{t('notes.wallEmpty')}</p>;
  return (
    <Pager className="screen-wall" label={t('notes.count', { count: visible.length })} testId="screen-notes">
      {cards}
    </Pager>
  );
}
