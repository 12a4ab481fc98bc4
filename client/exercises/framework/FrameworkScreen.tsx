import { isVisible } from '../../../shared/boardDoc';
import type { ScreenProps } from '../types';
import { useFrameworkT } from './i18n';
import { Slide } from './Slide';
import { useDeck } from './useDeck';

/** The current slide, large; a spotlighted question replaces it until the spotlight is cleared. */
export function FrameworkScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useFrameworkT();
  const { slides, index, current, questions } = useDeck(session.id);
  const spotlight = spotlightItemId ? questions.find((q) => q.id === spotlightItemId && isVisible(q)) : undefined;
  if (spotlight) {
    return (
      <figure className="spotlight" data-testid="spotlight">
        <figcaption className="spotlight__meta">{t('questions')}</figcaption>
        <blockquote className="spotlight__text">{spotlight.text}</blockquote>
      </figure>
    );
  }
  return (
    <section
      className="slide-frame slide-frame--screen"
      aria-label={t('slideOf', { n: index + 1, total: slides.length })}
    >
      <Slide markdown={current} className="slide--screen" />
      <p className="slide-frame__count" data-testid="slide-count" data-slide={index}>
        {t('slideOf', { n: index + 1, total: slides.length })}
      </p>
    </section>
  );
}
