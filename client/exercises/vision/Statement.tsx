import { visionStatementId } from '../../../shared/exercises/vision';
import { SharedTextArea } from '../../components/SharedTextArea';
import { touchItem, useItemText } from '../../sync/itemWrites';
import { useVisionT } from './i18n';
import { ensureStatement } from './visionActions';
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
  return (
    <div className="field">
      <label htmlFor="vision-statement">{t('statement')}</label>
      <SharedTextArea
        id="vision-statement"
        className="input vision-statement"
        rows={5}
        max={4000}
        text={text}
        // Until the statement exists the field only creates it (on focus), so no keystroke lands outside it.
        readOnly={!text}
        disabled={props.locked}
        aria-describedby="vision-statement-hint"
        onFocus={() => ensureStatement(props.sessionId, props.groupId, props.participantId)}
        onLocalEdit={() => touchItem(id)}
        data-testid="vision-statement"
      />
      <p id="vision-statement-hint" className="field__hint">
        {t('statementHint')}
      </p>
    </div>
  );
}
