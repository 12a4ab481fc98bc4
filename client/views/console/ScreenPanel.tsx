import type { AgendaState, Group } from '../../../shared/controlDoc';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { ScreenThumbnail } from './ScreenThumbnail';

/**
 * The projector from the console: a live thumbnail, next/previous page and pause for the paged views, which
 * cooperation fills the screen, and the join panel (automatic, large, or in the corner).
 */
export function ScreenPanel({ state, groups }: { state: AgendaState; groups: Group[] }) {
  const t = useT();
  const join = state.joinPanel ?? 'auto';
  const paused = state.screenPaused === true;
  return (
    <section className="panel screen-panel" aria-labelledby="screen-panel-title" data-testid="screen-panel">
      <h2 id="screen-panel-title">{t('console.screen')}</h2>
      <ScreenThumbnail />
      <div className="button-row" role="group" aria-label={t('console.screenPages')}>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'screen.page', delta: -1 })}
          data-testid="screen-page-previous"
        >
          {t('console.screenPrevious')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={paused}
          onClick={() => void runCommand({ type: 'screen.pause', paused: !paused })}
          data-testid="screen-pause"
        >
          {paused ? t('console.screenResume') : t('console.screenPause')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'screen.page', delta: 1 })}
          data-testid="screen-page-next"
        >
          {t('console.screenNext')}
        </button>
      </div>
      <label className="field">
        <span>{t('console.screenFocus')}</span>
        <select
          className="input"
          value={state.screenFocusId ?? ''}
          onChange={(e) => void runCommand({ type: 'screen.focus', focusId: e.target.value || null })}
          data-testid="screen-focus"
        >
          <option value="">{t('console.screenFocusNone')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row" role="group" aria-label={t('console.screenJoin')}>
        {(['auto', 'large', 'corner'] as const).map((size) => (
          <button
            key={size}
            type="button"
            className="button button--small"
            aria-pressed={join === size}
            onClick={() => void runCommand({ type: 'screen.join', size })}
            data-testid={`screen-join-${size}`}
          >
            {t(`console.screenJoin_${size}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
