import { ERROR_CODES } from '../../../shared/protocolCodes';
import { useT, type Translate } from '../../i18n/i18n';
import type { StaffKey } from '../../i18n/staff';
import { useCommandStore, type CommandStore } from '../../store/commandStore';
import { dismissCommandError } from '../../sync/commands';

/** Refusals the console says in its own words (in the language chosen); others show the server's message. */
const OWN_WORDS: Partial<Record<string, StaffKey>> = { [ERROR_CODES.nothingToVote]: 'toolkit.voteNotHere' };

/** The line the console shows for a refused command, in the language chosen. */
export function commandErrorText(t: Translate, error: NonNullable<CommandStore['error']>): string {
  const own = error.code ? OWN_WORDS[error.code] : undefined;
  return t('console.commandFailed', { message: own ? t(own) : error.message });
}

/** The server's refusal of the last command, until dismissed. */
export function CommandError() {
  const t = useT();
  const error = useCommandStore((s) => s.error);
  return (
    <div role="alert" className="command-error-region">
      {error && (
        <div className="notice notice--error" data-testid="command-error" data-code={error.code}>
          <p>
            {commandErrorText(t, error)} <code>{error.type}</code>
          </p>
          <button type="button" className="button button--small" onClick={dismissCommandError}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
