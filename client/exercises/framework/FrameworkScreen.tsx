import { isVisible } from '../../../shared/boardDoc';
import { Spotlight } from '../../views/screen/Spotlight';
import { useFitText } from '../../views/screen/useFitText';
import type { ScreenProps } from '../types';
import { useFrameworkT } from './i18n';
import { Slide } from './Slide';
import { useDeck } from './useDeck';

/** The current slide, large; a spotlighted question replaces it until the spotlight is cleared. */
export function FrameworkScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useFrameworkT();
  const { slides, index, current, questions } = useDeck(session.id);
  const fit = useFitText<HTMLDivElement>(22);
  const spotlight = spotlightItemId ? questions.find((q) => q.id === spotlightItemId && isVisible(q)) : undefined;
  if (spotlight) {
    return <Spotlight text={spotlight.text} caption={t('questions')} />;
  }
  return (
    <section
      className="slide-frame slide-frame--screen"
      aria-label={t('slideOf', { n: index + 1, total: slides.length })}
    >
      <div className="slide-fit" ref={fit} data-testid="slide-fit">
        <Slide markdown={current} className="slide--screen" />
      </div>
      <p className="slide-frame__count" data-testid="slide-count" data-slide={index}>
        {t('slideOf', { n: index + 1, total: slides.length })}
      </p>
    </section>
  );
}
