import { isVisible } from '../../../shared/boardDoc';
import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { SIDES } from '../../../shared/sides';
import { localise, useLang } from '../../i18n/i18n';
import { Pager } from '../../views/screen/Pager';
import { useStrengthsT } from './i18n';
import type { Strength } from './useStrengths';

/** At most this many strengths in one box, so a full box always fits one page; the rest continue in the next box. */
const PER_BOX = 3;

/**
 * The strengths wall on the projector: the source's boxes (dimension × side, formal and informal side by side),
 * every strength in full, paged when the boxes do not fit.
 */
export function StrengthScreenWall({
  strengths,
  plusCount,
}: {
  strengths: Strength[];
  plusCount: (id: string) => number;
}) {
  const t = useStrengthsT();
  const lang = useLang();
  const visible = strengths.filter(isVisible);
  const boxes = STRENGTH_DIMENSIONS.flatMap((d) => {
    // Formal and informal of one dimension sit side by side, chunk by chunk.
    const cells = SIDES.map((side) => visible.filter((s) => s.aboutSide === side && s.dimension === d.id));
    const chunks = Math.max(1, ...cells.map((c) => Math.ceil(c.length / PER_BOX)));
    return Array.from({ length: chunks }, (_, n) =>
      SIDES.map((side, i) => ({
        key: `${d.id}-${side}-${n}`,
        dimension: d,
        side,
        part: n,
        cards: cells[i]!.slice(n * PER_BOX, (n + 1) * PER_BOX),
      })),
    ).flat();
  });
  return (
    <div className="strength-screen" data-testid="strength-wall">
      <div className="strength-screen__heads" aria-hidden="true">
        <p data-side="formal">{t('wallFormal')}</p>
        <p data-side="informal">{t('wallInformal')}</p>
      </div>
      <Pager className="strength-screen__boxes" label={`${t('wallFormal')} · ${t('wallInformal')}`}>
        {boxes.map((b) => (
          <li key={b.key} className="strength-box" data-dimension={b.dimension.id} data-side={b.side}>
            <h2 className="strength-box__title">
              {localise(b.dimension.name, lang)}
              {b.part > 0 && ` (${b.part + 1})`}
              <span className="visually-hidden"> · {b.side === 'formal' ? t('wallFormal') : t('wallInformal')}</span>
            </h2>
            <ul className="strength-box__list">
              {b.cards.map((s) => (
                <li key={s.id} className="strength-card" data-testid="strength-card" data-item-id={s.id}>
                  <span className="strength-card__text" data-contribution>
                    {s.text}
                  </span>
                  {plusCount(s.id) > 0 && (
                    <span className="strength-card__plus">{t('plusOneCount', { count: plusCount(s.id) })}</span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </Pager>
    </div>
  );
}
