import { Component, useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { PartFailed } from './PartBoundary';

/** A part of the app (one exercise's view) whose code could not be downloaded; `retry` lets it be tried again. */
export class ViewLoadError extends Error {
  constructor(
    what: string,
    cause: unknown,
    readonly retry: () => void,
  ) {
    super(`could not load ${what}`, { cause });
    this.name = 'ViewLoadError';
  }
}

/** Shown while a view's code downloads: space kept for the view, the words only after a moment (no flash). */
export function ViewLoading() {
  const t = useT();
  return (
    <div className="view-loading" role="status" data-testid="view-loading">
      <span className="view-loading__text">{t('view.loading')}</span>
    </div>
  );
}

function ViewLoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  // Back online: try again without waiting for a tap.
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);
  return (
    <div className="view-loading" role="alert" data-testid="view-load-failed">
      <p className="view-loading__failed">{t('view.loadFailed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('view.retry')}
      </button>
    </div>
  );
}

/**
 * Catches a view whose download failed and offers to try again; any other error (a damaged entry the view could not
 * render) shows a notice in the view's place, so the page around it (the console, the screen) never goes blank.
 */
export class ViewLoadBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  private retry = () => {
    if (this.state.error instanceof ViewLoadError) this.state.error.retry();
    this.setState({ error: null });
  };

  override componentDidCatch(error: unknown) {
    if (!(error instanceof ViewLoadError)) console.error('[view] could not render', error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (!(error instanceof ViewLoadError)) return <PartFailed onRetry={this.retry} />;
    return <ViewLoadFailed onRetry={this.retry} />;
  }
}
