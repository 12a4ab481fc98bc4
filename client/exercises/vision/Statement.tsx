import { useVisionT } from './i18n';
import { editStatement, ensureStatement } from './visionActions';
import type { Item } from '../../../shared/boardDoc';

/** The cooperation's vision statement, written together (a shared text every member edits). */
export function Statement(props: {
  sessionId: string;
  groupId: string;
  participantId: string;
  statement: Item | undefined;
  locked: boolean;
}) {
  const t = useVisionT();
  const value = typeof props.statement?.text === 'string' ? props.statement.text : '';
  return (
    <div className="field">
      <label htmlFor="vision-statement">{t('statement')}</label>
      <textarea
        id="vision-statement"
        className="input vision-statement"
        rows={5}
        maxLength={4000}
        value={value}
        disabled={props.locked}
        aria-describedby="vision-statement-hint"
        onFocus={() => ensureStatement(props.sessionId, props.groupId, props.participantId)}
        onChange={(e) => {
          const id = ensureStatement(props.sessionId, props.groupId, props.participantId);
          if (id) editStatement(id, e.target.value);
        }}
        data-testid="vision-statement"
      />
      <p id="vision-statement-hint" className="field__hint">
        {t('statementHint')}
      </p>
    </div>
  );
}
