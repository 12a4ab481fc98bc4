import { visionStatementId } from '../../../shared/exercises/vision';
import { SharedTextArea } from '../../components/SharedTextArea';
import { touchItem, useItemText } from '../../sync/itemWrites';
import { useVisionT } from './i18n';
import { sendExerciseAction } from '../useExercise';
import { useEffect } from 'react';
import type { Item } from '../../../shared/boardDoc';

/** The cooperation's vision statement, written together (a shared text every member edits at once). */
export function Statement(props: {
  sessionId: string;
  groupId: string;
  participantId: string;
  statement: Item | undefined;
  locked: boolean;
}) {
  const t = useVisionT();
  const id = props.statement?.id ?? visionStatementId(props.sessionId, props.groupId);
  const text = useItemText(props.statement ? id : null);
  // No statement for the cooperation yet: the server creates it (once, so two phones never type into two texts).
  const missing = !props.statement;
  useEffect(() => {
    if (missing && !props.locked) void sendExerciseAction(props.sessionId, 'openStatement');
  }, [missing, props.locked, props.sessionId]);
  return (
    <div className="field">
      <label htmlFor="vision-statement">{t('statement')}</label>
      <SharedTextArea
        id="vision-statement"
        className="input vision-statement"
        rows={5}
        max={4000}
        text={text}
        disabled={props.locked}
        aria-describedby="vision-statement-hint"
        onLocalEdit={() => touchItem(id)}
        data-testid="vision-statement"
      />
      <p id="vision-statement-hint" className="field__hint">
        {t('statementHint')}
      </p>
    </div>
  );
}
