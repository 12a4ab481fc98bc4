import { isVisible } from '../../../shared/boardDoc';
import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { SIDES } from '../../../shared/programme';
import { localise, useLang } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { useAuthors } from '../noteWall/useAuthors';
import { mergeStrength, patchStrength } from './actions';
import { useStrengthsT } from './i18n';
import type { Strength } from './useStrengths';

/** Every strength per side and dimension, with hide, reorder, merge (keeping every author) and spotlight. */
export function StrengthModeration({
  strengths,
  plusCount,
  spotlightItemId,
}: {
  strengths: Strength[];
  plusCount: (id: string) => number;
  spotlightItemId: string | null;
}) {
  const t = useStrengthsT();
  const lang = useLang();
  const authors = useAuthors();
  const byId = new Map(strengths.map((s) => [s.id, s]));
  const live = strengths.filter((s) => !s.mergedInto);
  if (live.length === 0) return <p className="muted">{t('wallEmpty')}</p>;
  return (
    <div className="strength-mod">
      {SIDES.map((side) =>
        STRENGTH_DIMENSIONS.map((d) => {
          const cell = live.filter((s) => s.aboutSide === side && s.dimension === d.id);
          if (cell.length === 0) return null;
          return (
            <section key={`${side}-${d.id}`} className="strength-mod__cell">
              <h3>
                {side === 'formal' ? t('wallFormal') : t('wallInformal')} · {localise(d.name, lang)}
              </h3>
              <ul className="console-notes">
                {cell.map((s, i) => {
                  const merged = ((s.mergedFrom as string[] | undefined) ?? [])
                    .map((id) => byId.get(id))
                    .filter((x) => !!x);
                  const names = [s, ...merged].map((x) => authors.authorName(x?.authorId ?? null)).join(', ');
                  const swap = (j: number) => {
                    const other = cell[j];
                    if (!other) return;
                    const a = (s.order as number | undefined) ?? s.createdAt;
                    const b = (other.order as number | undefined) ?? other.createdAt;
                    patchStrength(s.id, { order: b === a ? b + (j > i ? 1 : -1) : b });
                    patchStrength(other.id, { order: a });
                  };
                  const targets = cell.filter((x) => x.id !== s.id && isVisible(x));
                  return (
                    <li
                      key={s.id}
                      className={`console-note ${s.hidden ? 'console-note--hidden' : ''}`}
                      data-testid="console-strength"
                      data-item-id={s.id}
                      data-hidden={s.hidden ? 'true' : 'false'}
                    >
                      <p className="console-note__text">{s.text}</p>
                      <p className="console-note__meta">
                        {t('by', { names })}
                        {!!s.addition && ` · ${t('addition')}`}
                        {plusCount(s.id) > 0 && ` · ${t('plusOneCount', { count: plusCount(s.id) })}`}
                        {merged.length > 0 &&
                          ` · ${t('mergedFrom', { names: merged.map((m) => m?.text).join(' / ') })}`}
                        {s.hidden && ` · ${t('hidden')}`}
                      </p>
                      <div className="console-note__actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => patchStrength(s.id, { hidden: !s.hidden })}
                        >
                          {s.hidden ? t('unhide') : t('hide')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('moveUp', { text: s.text })}
                          disabled={i === 0}
                          onClick={() => swap(i - 1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('moveDown', { text: s.text })}
                          disabled={i === cell.length - 1}
                          onClick={() => swap(i + 1)}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-pressed={spotlightItemId === s.id}
                          disabled={!!s.hidden}
                          onClick={() =>
                            void runCommand({ type: 'spotlight.set', itemId: spotlightItemId === s.id ? null : s.id })
                          }
                        >
                          {t('spotlight')}
                        </button>
                        {targets.length > 0 && (
                          <select
                            className="input input--small"
                            aria-label={t('mergeIntoLabel', { name: s.text })}
                            value=""
                            onChange={(e) => e.target.value && mergeStrength(s.id, e.target.value)}
                            data-testid="strength-merge"
                          >
                            <option value="">{t('mergeInto')}…</option>
                            {targets.map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.text}
                              </option>
                            ))}
                          </select>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        }),
      )}
    </div>
  );
}
