import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/limits';
import type { ReactionType } from '../../../shared/exercises/pitch';
import { postReaction } from './actions';
import { usePitchT } from './i18n';

/** The audience's question or "what struck me" about the pitch being given (or just given). */
export function ReactionForm(props: {
  sessionId: string;
  participantId: string;
  groupId: string | null;
  targetGroupId: string;
  targetName: string;
  locked: boolean;
}) {
  const t = usePitchT();
  const [reaction, setReaction] = useState<ReactionType>('question');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (props.locked) return;
    const ok = postReaction({
      sessionId: props.sessionId,
      groupId: props.groupId,
      authorId: props.participantId,
      targetGroupId: props.targetGroupId,
      reaction,
      text,
    });
    if (ok) {
      setText('');
      setSent(true);
    }
  };
  return (
    <form className="note-form" onSubmit={submit} noValidate data-testid="reaction-form">
      <fieldset className="segmented">
        <legend>{t('reactTo', { group: props.targetName })}</legend>
        {(['question', 'struck'] as const).map((r) => (
          <label key={r} className="segmented__option">
            <input
              type="radio"
              name="reaction-type"
              value={r}
              checked={reaction === r}
              onChange={() => setReaction(r)}
              data-testid={`reaction-${r}`}
            />
            {t(r)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="reaction-text">{t('reactionLabel')}</label>
      <textarea
        id="reaction-text"
        className="input note-form__text"
        rows={2}
        maxLength={LIMITS.itemText}
        value={text}
        disabled={props.locked}
        onChange={(e) => {
          setText(e.target.value);
          setSent(false);
        }}
        data-testid="reaction-text"
      />
      {sent && (
        <p className="muted" role="status">
          {t('sent')}
        </p>
      )}
      <div className="action-bar">
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={props.locked || !text.trim()}
          data-testid="reaction-send"
        >
          {t('send')}
        </button>
      </div>
    </form>
  );
}
