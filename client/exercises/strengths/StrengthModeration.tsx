import { useEffect, useState } from 'react';
import { isVisible } from '../../../shared/boardDoc';
import type { MergeRecord } from '../../../shared/exercises/strengths/merge';
import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { SIDES } from '../../../shared/sides';
import { localise, useLang } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { useAuthors } from '../noteWall/useAuthors';
import { mergeStrength, patchStrength, splitStrength, undoStrengthMerge } from './actions';
import { useStrengthsT } from './i18n';
import type { Strength } from './useStrengths';

/** How long "Samengevoegd — Ongedaan maken" stays, in milliseconds. */
export const MERGE_UNDO_MS = 12_000;

interface LastMerge {
  rec: MergeRecord;
  source: string;
  target: string;
  at: number;
  failed?: boolean;
}

/** "Samengevoegd — Ongedaan maken" for a few seconds after a merge; the undo restores both strengths exactly. */
function MergeUndo({ last, onDone }: { last: LastMerge | null; onDone: (next: LastMerge | null) => void }) {
  const t = useStrengthsT();
  useEffect(() => {
    if (!last) return;
    const timer = window.setTimeout(() => onDone(null), Math.max(0, last.at + MERGE_UNDO_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, [last, onDone]);
  return (
    <div className="own-undo" role="status" aria-live="polite">
      {last && (
        <div className="own-undo__bar" data-testid="merge-undo-bar">
          <span>
            {last.failed ? t('undoMergeFailed') : t('mergedToast', { source: last.source, target: last.target })}
          </span>
          {!last.failed && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onDone(undoStrengthMerge(last.rec) ? null : { ...last, failed: true, at: Date.now() })}
              data-testid="merge-undo"
            >
              {t('undoMerge')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Every strength per side and dimension, with hide, reorder, merge (keeping every author, undoable) and spotlight. */
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
  const [lastMerge, setLastMerge] = useState<LastMerge | null>(null);
  const byId = new Map(strengths.map((s) => [s.id, s]));
  const live = strengths.filter((s) => !s.mergedInto);
  const merge = (source: Strength, targetId: string) => {
    const rec = mergeStrength(source.id, targetId);
    if (rec) setLastMerge({ rec, source: source.text, target: byId.get(targetId)?.text ?? '', at: Date.now() });
  };
  const undoBar = <MergeUndo last={lastMerge} onDone={setLastMerge} />;
  if (live.length === 0)
    return (
      <>
        <p className="muted">{t('wallEmpty')}</p>
        {undoBar}
      </>
    );
  return (
    <div className="strength-mod">
      {undoBar}
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
                            onChange={(e) => e.target.value && merge(s, e.target.value)}
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
                      {merged.length > 0 && (
                        <div className="button-row">
                          {merged.map((m) => (
                            <button
                              key={m!.id}
                              type="button"
                              className="button button--small"
                              aria-label={t('splitLabel', { text: m!.text })}
                              onClick={() => splitStrength(m!.id)}
                              data-testid="strength-split"
                              data-item-id={m!.id}
                            >
                              {t('split')}: {m!.text}
                            </button>
                          ))}
                        </div>
                      )}
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
