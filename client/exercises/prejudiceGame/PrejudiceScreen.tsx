import { SCALE } from '../../../shared/exercises/prejudiceGame/statements';
import { localise, useLang } from '../../i18n/i18n';
import type { ScreenProps } from '../types';
import { Distribution } from './Distribution';
import { usePrejudiceT } from './i18n';
import { usePrejudice } from './usePrejudice';
import './prejudice.css';

/** The statement large, how many answered per side, and the distribution once the facilitator reveals it. */
export function PrejudiceScreen({ session }: ScreenProps) {
  const t = usePrejudiceT();
  const lang = useLang();
  const { current, revealed, tally } = usePrejudice(session.id);
  if (!current) return <p className="screen-wall__empty">{t('waiting')}</p>;
  const dist = tally(current.id);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const formal = sum(dist.formal);
  const informal = sum(dist.informal);
  return (
    <div className="prejudice-screen" data-testid="screen-prejudice" data-statement-id={current.id}>
      <blockquote className="prejudice-screen__statement" data-testid="screen-statement" data-contribution>
        {localise(current.text, lang)}
      </blockquote>
      <p className="prejudice-screen__count" data-testid="screen-answer-count">
        {t('answers', { count: formal + informal })} · {t('answersPerSide', { formal, informal })}
        {revealed.has(current.id) && ` · 1 = ${localise(SCALE[0], lang)}, 5 = ${localise(SCALE[4], lang)}`}
      </p>
      {revealed.has(current.id) ? (
        <Distribution dist={dist} variant="columns" />
      ) : (
        <p className="prejudice-screen__wait">{t('notRevealed')}</p>
      )}
      <p className="prejudice-screen__source">{t('sourceLine', { source: current.cite })}</p>
    </div>
  );
}
