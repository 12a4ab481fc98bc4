import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { CodePicker } from './CodePicker';
import { draftActions, useDraftStore } from './draftStore';
import { useResearchT, type ResearchKey } from './i18n';
import { saveObservation } from './researchActions';

/**
 * Writes one observation, keyboard first: type and press Enter; Alt+1…9 toggles a speaker, Alt+Q the quote flag,
 * Alt+L links the newest contribution, Alt+C jumps to the codes. The moment is taken from the first key typed.
 */
export function ObservationComposer(props: {
  sessionId: string;
  groupId: string | null;
  members: ParticipantInfo[];
  researcherName: string;
  newestItemId: string | null;
  onNeedName: () => void;
}) {
  const t = useResearchT();
  const draft = useDraftStore();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ key: ResearchKey; error: boolean } | null>(null);

  const save = () => {
    if (!props.researcherName.trim()) {
      setMessage({ key: 'needName', error: true });
      props.onNeedName();
      return;
    }
    const editing = draft.editing;
    const r = saveObservation({
      ...(editing ? { id: editing.id, createdAt: editing.createdAt } : {}),
      researcherName: editing?.researcherName ?? props.researcherName.trim(),
      time: draft.startedAt ?? Date.now(),
      sessionId: editing?.sessionId ?? props.sessionId,
      groupId: editing ? editing.groupId : props.groupId,
      speakers: draft.speakers,
      codes: draft.codes,
      quote: draft.quote,
      text: draft.text,
      links: draft.links,
    });
    if (!r.ok) {
      setMessage({ key: r.reason, error: true });
      return;
    }
    setMessage({ key: 'saved', error: false });
    draftActions.reset();
    textRef.current?.focus();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  // Shortcuts use the physical key (e.code), since Alt+letter types other characters on some layouts.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit) {
        const member = props.members[Number(digit[1]) - 1];
        if (member) draftActions.toggleSpeaker(member.id);
        e.preventDefault();
      } else if (e.code === 'KeyQ') {
        draftActions.toggleQuote();
        e.preventDefault();
      } else if (e.code === 'KeyL') {
        if (props.newestItemId) draftActions.toggleLink(props.newestItemId);
        e.preventDefault();
      } else if (e.code === 'KeyC') {
        codeRef.current?.focus();
        e.preventDefault();
      }
    }
  };

  const onTextKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && draft.editing) {
      draftActions.reset();
    }
  };

  return (
    <form className="panel composer" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby="composer-title">
      <h2 id="composer-title">{draft.editing ? t('editTitle') : t('noteTitle')}</h2>
      <div className="field">
        <label htmlFor="obs-text">{t('noteLabel')}</label>
        <textarea
          id="obs-text"
          ref={textRef}
          className="input composer__text"
          rows={3}
          value={draft.text}
          onChange={(e) => draftActions.setText(e.target.value)}
          onKeyDown={onTextKeyDown}
          data-testid="obs-text"
        />
      </div>
      <fieldset className="field">
        <legend>{t('speakers')}</legend>
        {props.members.length === 0 ? (
          <p className="muted">{t('noSpeakers')}</p>
        ) : (
          <ul className="chips" data-testid="speakers">
            {props.members.map((p, i) => {
              const on = draft.speakers.includes(p.id);
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className={`chip ${on ? 'chip--on' : ''}`}
                    aria-pressed={on}
                    onClick={() => draftActions.toggleSpeaker(p.id)}
                  >
                    {i < 9 && <kbd>{i + 1}</kbd>} {p.name}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={draft.quote} onChange={draftActions.toggleQuote} data-testid="obs-quote" />{' '}
        {t('quote')}
      </label>
      <CodePicker researcherName={props.researcherName} inputRef={codeRef} onDone={() => textRef.current?.focus()} />
      {draft.links.length > 0 && (
        <p className="muted" data-testid="draft-links">
          {t('links')}: {draft.links.length}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="obs-save">
          {draft.editing ? t('saveEdit') : t('save')}
        </button>
        {draft.editing && (
          <button type="button" className="button" onClick={draftActions.reset}>
            {t('cancel')}
          </button>
        )}
      </div>
      <p role="status" className={message?.error ? 'field__error' : 'muted'} data-testid="obs-status">
        {message ? t(message.key) : ''}
      </p>
      <p className="muted composer__shortcuts">{t('shortcuts')}</p>
    </form>
  );
}
