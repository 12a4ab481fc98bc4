import { isVisible } from '../../../shared/boardDoc';
import { useControlStore } from '../../store/controlStore';
import { Pager } from '../../views/screen/Pager';
import { Spotlight } from '../../views/screen/Spotlight';
import type { ScreenProps } from '../types';
import { usePitchT } from './i18n';
import { PitchCard } from './PitchCard';
import { usePitch } from './usePitch';

/** Prepare: every cooperation's card. Present: the current pitch large with its countdown, then the reactions. */
export function PitchScreen({ session, spotlightItemId }: ScreenProps) {
  const t = usePitchT();
  const phase = useControlStore((s) => s.state?.phase);
  const groups = useControlStore((s) => s.groups);
  const { pitches, reactions, state, order } = usePitch(session.id);
  const name = (id: string | null | undefined) => groups.find((g) => g.id === id)?.name ?? '';
  const spotlight = spotlightItemId ? reactions.find((r) => r.id === spotlightItemId && isVisible(r)) : undefined;

  if (spotlight) {
    return <Spotlight text={spotlight.text} caption={`${t(spotlight.reaction)} · ${name(spotlight.targetGroupId)}`} />;
  }
  if (phase === 'present' && state.current) {
    return <PitchCard groupId={state.current} pitch={pitches.get(state.current)} timer={state.timer} large />;
  }
  if (phase === 'present' && state.reactionsFor) {
    const shown = reactions.filter((r) => r.targetGroupId === state.reactionsFor && isVisible(r)).reverse();
    return (
      <section className="pitch-reactions" aria-labelledby="pitch-reactions-title" data-testid="pitch-reactions">
        <h2 id="pitch-reactions-title">{t('reactionsTitle', { group: name(state.reactionsFor) })}</h2>
        {shown.length === 0 ? (
          <p className="screen-wall__empty">{t('noReactions')}</p>
        ) : (
          <Pager className="screen-wall" label={t('reactionsTitle', { group: name(state.reactionsFor) })}>
            {shown.map((r) => (
              <li key={r.id} className="screen-note" data-testid="pitch-reaction">
                <p className="screen-note__meta">{t(r.reaction)}</p>
                <p className="screen-note__text" data-contribution>
                  {r.text}
                </p>
              </li>
            ))}
          </Pager>
        )}
      </section>
    );
  }
  return (
    <Pager className="pitch-grid" label={phase === 'present' ? t('nextUp') : t('preparing')} ordered>
      {order.map((g) => (
        <li key={g} data-testid="pitch-grid-item">
          <PitchCard groupId={g} pitch={pitches.get(g)} />
        </li>
      ))}
    </Pager>
  );
}
