import { useT } from '../../i18n/i18n';
import { setItemHidden } from '../../sync/boardActions';
import { runCommand } from '../../sync/commands';
import type { ConsoleProps } from '../types';
import { useAuthors } from './useAuthors';
import { useSessionNotes } from './useSessionNotes';

/** Every note of the session, hidden ones included, with hide/show and spotlight. */
export function NoteWallConsole({ session, spotlightItemId }: ConsoleProps) {
  const t = useT();
  const authors = useAuthors();
  const notes = [...useSessionNotes(session.id)].reverse();
  if (notes.length === 0) return <p className="muted">{t('notes.wallEmpty')}</p>;
  return (
    <ul className="console-notes" data-testid="console-notes">
      {notes.map((n) => {
        const spotlit = n.id === spotlightItemId;
        return (
          <li
            key={n.id}
            className={`console-note ${n.hidden ? 'console-note--hidden' : ''} ${spotlit ? 'console-note--spotlit' : ''}`}
            data-testid="console-note"
            data-note-id={n.id}
            data-hidden={n.hidden ? 'true' : 'false'}
          >
            <p className="console-note__text">{n.text}</p>
            <p className="console-note__meta">
              {t('notes.by', { name: authors.authorName(n.authorId) })}
              {n.groupId && ` · ${authors.groupName(n.groupId)}`}
              {n.hidden && ` · ${t('notes.hidden')}`}
              {spotlit && ` · ${t('notes.spotlighted')}`}
            </p>
            <div className="console-note__actions">
              <button type="button" className="button button--small" onClick={() => setItemHidden(n.id, !n.hidden)}>
                {n.hidden ? t('notes.unhide') : t('notes.hide')}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-pressed={spotlit}
                disabled={!!n.hidden}
                onClick={() => void runCommand({ type: 'spotlight.set', itemId: spotlit ? null : n.id })}
              >
                {t('notes.spotlight')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
