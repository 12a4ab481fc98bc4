import { Component, useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';

/**
 * Shown instead of a part of a page (an exercise's view, a panel, one card) that failed to render, mostly because a
 * damaged entry reached it: the rest of the page stays usable. It tries again on a tap and whenever the board
 * changes (the damaged item may have been hidden or repaired).
 */
export function PartFailed({ onRetry, compact = false }: { onRetry: () => void; compact?: boolean }) {
  const t = useT();
  useEffect(() => useBoardStore.subscribe(onRetry), [onRetry]);
  return (
    <div
      className={compact ? 'part-failed part-failed--compact' : 'part-failed'}
      role="alert"
      data-testid="part-failed"
    >
      <p>{t(compact ? 'part.failedShort' : 'part.failed')}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('view.retry')}
      </button>
    </div>
  );
}

/** An error boundary for one part of a page: what fails to render is replaced by a notice, the rest stays. */
export class PartBoundary extends Component<{ children: ReactNode; compact?: boolean }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error('[part] could not render', error);
  }

  private retry = () => this.setState({ error: null });

  override render() {
    if (!this.state.error) return this.props.children;
    return <PartFailed onRetry={this.retry} compact={this.props.compact} />;
  }
}
