import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { useFitText } from './useFitText';

/** One contribution filling the screen; long text steps down in size to fit, never below the readable minimum. */
export function Spotlight({ text, caption, meta }: { text: string; caption?: ReactNode; meta?: ReactNode }) {
  const t = useT();
  const fit = useFitText<HTMLElement>(28);
  return (
    <figure className="spotlight" data-testid="spotlight" ref={fit}>
      <figcaption className={caption ? 'spotlight__meta' : 'visually-hidden'}>
        {caption ?? t('screen.spotlight')}
      </figcaption>
      <blockquote className="spotlight__text" data-contribution>
        {text}
      </blockquote>
      {meta && <p className="spotlight__meta">{meta}</p>}
    </figure>
  );
}
