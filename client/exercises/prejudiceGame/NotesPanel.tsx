import { useState, type FormEvent } from 'react';
import { PREJUDICE_NOTE } from '../../../shared/exercises/prejudiceGame';
import { createItem } from '../../sync/itemWrites';
import { useAuthors } from '../noteWall/useAuthors';
import { usePrejudiceT } from './i18n';
import type { Item } from '../../../shared/boardDoc';

/** Writes a discussion note on a statement, as the facilitator or a researcher. */
function addNote(sessionId: string, statementId: string, authorId: string, text: string): boolean {
  return createItem({ kind: PREJUDICE_NOTE, sessionId, groupId: null, authorId }, { statementId, text }).ok;
}

/** The discussion notes kept on one statement, with a field to add one. */
export function NotesPanel({
  sessionId,
  statementId,
  authorId,
  notes,
}: {
  sessionId: string;
  statementId: string;
  authorId: string;
  notes: Array<Item & { text: string }>;
}) {
  const t = usePrejudiceT();
  const authors = useAuthors();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (addNote(sessionId, statementId, authorId, text)) setText('');
  };
  const fieldId = `note-${statementId}`;
  return (
    <div className="prejudice-notes">
      <h4>{t('notes')}</h4>
      {notes.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul data-testid="prejudice-notes">
          {notes.map((n) => (
            <li key={n.id}>
              {n.text}{' '}
              <span className="muted">
                ({t('by', { name: n.authorId === 'researcher' ? t('researcher') : authors.authorName(n.authorId) })})
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="button-row">
        <label htmlFor={fieldId} className="visually-hidden">
          {t('noteLabel')}
        </label>
        <input
          id={fieldId}
          className="input"
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('noteLabel')}
          data-testid="prejudice-note-input"
        />
        <button type="submit" className="button button--small" disabled={!text.trim()} data-testid="prejudice-note-add">
          {t('noteAdd')}
        </button>
      </form>
    </div>
  );
}
