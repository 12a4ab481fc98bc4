import { STRENGTH_DIMENSIONS } from '../../../shared/catalogue/strengths';
import { localise, useLang } from '../../i18n/i18n';
import { useAuthors } from '../noteWall/useAuthors';
import type { ResearcherProps } from '../types';
import { useStrengthsT } from './i18n';
import { useStrengths } from './useStrengths';

/** A live feed of strengths and role proposals with author, side, dimension, time and merges. */
export function StrengthsResearcher({ session, groupId }: ResearcherProps) {
  const t = useStrengthsT();
  const lang = useLang();
  const authors = useAuthors();
  const { strengths, proposals, plusCount } = useStrengths(session.id);
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const inGroup = (authorId: string | null) => groupId === null || authors.participant(authorId)?.groupId === groupId;
  const dim = (id: string) => localise(STRENGTH_DIMENSIONS.find((d) => d.id === id)?.name, lang);
  const side = (s: string) => (s === 'formal' ? t('formal') : t('informal'));
  return (
    <div className="strengths-researcher">
      <h3>{t('feedStrengths')}</h3>
      <ol className="feed" data-testid="researcher-strengths">
        {[...strengths]
          .reverse()
          .filter((s) => inGroup(s.authorId))
          .map((s) => (
            <li
              key={s.id}
              className={`feed__item ${s.hidden || s.mergedInto ? 'feed__item--hidden' : ''}`}
              data-testid="researcher-strength"
            >
              <p className="feed__meta">
                <time dateTime={new Date(s.createdAt).toISOString()}>{time.format(s.createdAt)}</time> ·{' '}
                {authors.authorName(s.authorId)} → {t('aboutSide')} {side(s.aboutSide)} · {dim(s.dimension)}
                {!!s.addition && ` · ${t('addition')}`}
                {plusCount(s.id) > 0 && ` · ${t('plusOneCount', { count: plusCount(s.id) })}`}
                {s.mergedInto &&
                  ` · ${t('mergedInto', { name: strengths.find((x) => x.id === s.mergedInto)?.text ?? '' })}`}
              </p>
              <p className="feed__text">{s.text}</p>
            </li>
          ))}
      </ol>
      <h3>{t('feedProposals')}</h3>
      <ol className="feed" data-testid="researcher-roles">
        {[...proposals]
          .reverse()
          .filter((p) => inGroup(p.authorId))
          .map((p) => (
            <li key={p.id} className="feed__item" data-testid="researcher-role">
              <p className="feed__meta">
                <time dateTime={new Date(p.createdAt).toISOString()}>{time.format(p.createdAt)}</time> ·{' '}
                {authors.authorName(p.authorId)} · {side(p.side)}
              </p>
              <p className="feed__text">
                <strong>{p.name}</strong> — {p.description}
              </p>
            </li>
          ))}
      </ol>
    </div>
  );
}
