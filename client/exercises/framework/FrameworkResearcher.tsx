import type { ResearcherProps } from '../types';
import { useFrameworkT } from './i18n';
import { Slide } from './Slide';
import { useDeck } from './useDeck';

/** The slide being shown and the questions as they come in (of the followed group, or all). */
export function FrameworkResearcher({ session, groupId }: ResearcherProps) {
  const t = useFrameworkT();
  const { current, questions } = useDeck(session.id);
  const shown = questions.filter((q) => groupId === null || q.groupId === groupId).reverse();
  return (
    <div>
      <Slide markdown={current} className="slide--preview" />
      <h3>{t('questions')}</h3>
      {shown.length === 0 ? (
        <p className="muted">{t('noQuestions')}</p>
      ) : (
        <ol className="feed">
          {shown.map((q) => (
            <li key={q.id} className="feed__item">
              <p className="feed__text">{q.text}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
