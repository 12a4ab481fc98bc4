import type { ReactNode } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { SIDES } from '../../../shared/sides';
import { localise, useLang } from '../../i18n/i18n';
import { useStrengthsT } from './i18n';
import type { Strength } from './useStrengths';

/**
 * The source's boxes: strengths of formal and of informal workers side by side, one row per dimension.
 * `renderActions` lets the phone add its +1 button to each card.
 */
export function StrengthWall({
  strengths,
  plusCount,
  renderActions,
  variant,
}: {
  strengths: Strength[];
  plusCount: (id: string) => number;
  renderActions?: (s: Strength) => ReactNode;
  variant: 'screen' | 'phone';
}) {
  const t = useStrengthsT();
  const lang = useLang();
  const visible = strengths.filter(isVisible);
  return (
    <div className={`strength-wall strength-wall--${variant}`} data-testid="strength-wall">
      {SIDES.map((side) => (
        <section key={side} className="strength-wall__side" aria-labelledby={`wall-${variant}-${side}`}>
          <h2 id={`wall-${variant}-${side}`} className="strength-wall__title">
            {side === 'formal' ? t('wallFormal') : t('wallInformal')}
          </h2>
          {STRENGTH_DIMENSIONS.map((d) => {
            const cell = visible.filter((s) => s.aboutSide === side && s.dimension === d.id);
            return (
              <div key={d.id} className="strength-box" data-dimension={d.id} data-side={side}>
                <h3 className="strength-box__title">{localise(d.name, lang)}</h3>
                <ul className="strength-box__list">
                  {cell.map((s) => (
                    <li key={s.id} className="strength-card" data-testid="strength-card" data-item-id={s.id}>
                      <span className="strength-card__text">{s.text}</span>
                      {plusCount(s.id) > 0 && (
                        <span className="strength-card__plus">{t('plusOneCount', { count: plusCount(s.id) })}</span>
                      )}
                      {renderActions?.(s)}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
