import { SCALE } from '../../../shared/exercises/prejudiceGame/statements';
import type { Distribution as Dist } from '../../../shared/exercises/prejudiceGame/tally';
import { SIDES } from '../../../shared/sides';
import { localise, useLang } from '../../i18n/i18n';
import { usePrejudiceT } from './i18n';

/** Bars per answer value, one chart per side; the counts are in the text too, for screen readers. */
export function Distribution({ dist, variant = 'list' }: { dist: Dist; variant?: 'list' | 'columns' }) {
  const t = usePrejudiceT();
  const lang = useLang();
  const max = Math.max(1, ...dist.formal, ...dist.informal);
  return (
    <div className={`prejudice-dist prejudice-dist--${variant}`} data-testid="prejudice-distribution">
      {SIDES.map((side) => (
        <section
          key={side}
          className="prejudice-dist__side"
          data-side={side}
          aria-label={side === 'formal' ? t('formal') : t('informal')}
        >
          <h3>{side === 'formal' ? t('formal') : t('informal')}</h3>
          <ol className="prejudice-bars">
            {SCALE.map((label, n) => (
              <li key={n} className="prejudice-bar" data-testid={`bar-${side}-${n + 1}`} data-count={dist[side][n]}>
                {variant === 'columns' ? (
                  <span className="prejudice-bar__label">
                    <span aria-hidden="true">{n + 1}</span>
                    <span className="visually-hidden">{localise(label, lang)}</span>
                  </span>
                ) : (
                  <span className="prejudice-bar__label">{localise(label, lang)}</span>
                )}
                <span className="prejudice-bar__track" aria-hidden="true">
                  <span
                    className="prejudice-bar__fill"
                    style={
                      variant === 'columns'
                        ? { height: `${((dist[side][n] ?? 0) / max) * 100}%` }
                        : { width: `${((dist[side][n] ?? 0) / max) * 100}%` }
                    }
                  />
                </span>
                <span className="prejudice-bar__count">{dist[side][n]}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
