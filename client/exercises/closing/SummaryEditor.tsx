import { useState } from 'react';
import { CLOSING_SUMMARY, closingSummaryFields } from '../../../shared/exercises/closing';
import { addDayTwoItem, patchDayTwoItem } from '../dayTwo/boardWrites';
import { useClosingT } from './i18n';
import type { Summary } from './useSummaries';

/** Writes (or rewrites) one summary: a spokesperson's for their cooperation, or a researcher's. */
export function SummaryEditor(props: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  by: 'spokesperson' | 'researcher';
  name: string;
  existing: Summary | undefined;
  /** Text to start from when there is no own summary yet (a former spokesperson's). */
  startText?: string;
  locked: boolean;
  onSaved?: () => void;
}) {
  const t = useClosingT();
  const [text, setText] = useState(props.existing?.text ?? props.startText ?? '');
  const [saved, setSaved] = useState(false);
  const id = `closing-${props.by}`;
  return (
    <form
      className="daytwo-stack"
      onSubmit={(e) => {
        e.preventDefault();
        const fields = { by: props.by, name: props.name, text };
        if (!closingSummaryFields.safeParse(fields).success) return;
        if (props.existing) patchDayTwoItem(props.existing.id, { text: text.trim(), name: props.name });
        else
          addDayTwoItem(
            closingSummaryFields,
            { kind: CLOSING_SUMMARY, sessionId: props.sessionId, groupId: props.groupId, authorId: props.authorId },
            fields,
          );
        setSaved(true);
        props.onSaved?.();
      }}
    >
      <label htmlFor={id}>{t('write')}</label>
      <textarea
        id={id}
        className="input"
        rows={6}
        maxLength={2000}
        value={text}
        disabled={props.locked}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
        data-testid="closing-text"
      />
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={props.locked || !text.trim() || !props.name}
        data-testid="closing-save"
      >
        {t('save')}
      </button>
      {saved && (
        <p role="status" className="muted" data-testid="closing-saved">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
