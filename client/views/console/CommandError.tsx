import { useT } from '../../i18n/i18n';
import { useCommandStore } from '../../store/commandStore';
import { dismissCommandError } from '../../sync/commands';

/** The server's refusal of the last command, until dismissed. */
export function CommandError() {
  const t = useT();
  const error = useCommandStore((s) => s.error);
  return (
    <div role="alert" className="command-error-region">
      {error && (
        <div className="notice notice--error" data-testid="command-error">
          <p>
            {t('console.commandFailed', { message: error.message })} <code>{error.type}</code>
          </p>
          <button type="button" className="button button--small" onClick={dismissCommandError}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
