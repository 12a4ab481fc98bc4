import { useState, type FormEvent } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { postNote } from '../../sync/boardActions';
import type { PhoneProps } from '../types';
import { useSessionNotes, type Note } from './useSessionNotes';
import { errorText } from '../../i18n/errors';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';
import { SessionVoteSlot } from '../SessionVoteSlot';

function NoteList({
  notes,
  label,
  testId,
  mine,
  locked,
}: {
  notes: Note[];
  label: string;
  testId: string;
  mine?: boolean;
  locked?: boolean;
}) {
  const t = useT();
  return (
    <section className="phone-notes" aria-label={label}>
      <h3>{label}</h3>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="note-list" data-testid={testId}>
          {[...notes].reverse().map((n) => (
            <li key={n.id} className={`note ${n.hidden ? 'note--hidden' : ''}`} data-testid="note" data-note-id={n.id}>
              <p className="note__text">{n.text}</p>
              {mine && n.hidden && <p className="note__meta">{t('notes.hiddenByFacilitator')}</p>}
              {mine && <OwnItemActions item={n} locked={locked} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Your own notes and the others' visible ones (your group's, in group work), with the composer at the thumb. */
export function NoteWallPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useT();
  const notes = useSessionNotes(session.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const plenary = session.grouping === 'plenary';
  const mine = notes.filter((n) => n.authorId === participantId);
  const others = notes.filter(
    (n) => n.authorId !== participantId && isVisible(n) && (plenary || n.groupId === groupId),
  );
  const tooLong = text.length > LIMITS.itemText;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    if (!text.trim()) return setError(t('notes.empty'));
    if (tooLong) return setError(t('notes.tooLong', { max: LIMITS.itemText }));
    const res = postNote({ sessionId: session.id, groupId, authorId: participantId, text });
    if (res.ok) {
      setText('');
      setError(null);
    } else setError(errorText(t, res.reason));
  };

  return (
    <div className="notewall-phone">
      <NoteList notes={mine} label={t('notes.mine')} testId="my-notes" mine locked={locked} />
      <DeletedItemUndo />
      <SessionVoteSlot
        sessionId={session.id}
        kind={session.kind}
        participantId={participantId}
        filter={plenary ? undefined : (i) => i.groupId === groupId}
      />
      <NoteList notes={others} label={plenary ? t('notes.others') : t('notes.othersGroup')} testId="other-notes" />
      <form className="note-form" onSubmit={submit} noValidate>
        <div className="note-form__head">
          <label htmlFor="note-input">{t('notes.label')}</label>
          <span id="note-count" className={`note-form__count ${tooLong ? 'field__error' : 'muted'}`}>
            {t('notes.chars', { count: text.length, max: LIMITS.itemText })}
          </span>
        </div>
        <textarea
          id="note-input"
          className="input note-form__text"
          rows={2}
          value={text}
          placeholder={t('notes.placeholder')}
          disabled={locked}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          aria-invalid={tooLong || error !== null}
          aria-describedby="note-count"
          data-testid="note-input"
        />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="action-bar">
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={locked}
            data-testid="note-post"
          >
            {t('notes.post')}
          </button>
        </div>
      </form>
    </div>
  );
}
