import { useControlStore } from '../../store/controlStore';
import type { ResearcherProps } from '../types';
import { usePitchT } from './i18n';
import { usePitch } from './usePitch';

/** Each followed group's pitch text and keywords as they are written, and the reactions to it. */
export function PitchResearcher({ session, groupId }: ResearcherProps) {
  const t = usePitchT();
  const groups = useControlStore((s) => s.groups);
  const { pitches, reactions, order } = usePitch(session.id);
  const shown = order.filter((g) => groupId === null || g === groupId);
  return (
    <div data-testid="pitch-researcher">
      {shown.map((g) => {
        const p = pitches.get(g);
        const about = reactions.filter((r) => r.targetGroupId === g);
        return (
          <section key={g} className="feed__item" aria-label={groups.find((x) => x.id === g)?.name}>
            <h3>{groups.find((x) => x.id === g)?.name}</h3>
            <p className="feed__meta">{(p?.keywords ?? []).filter(Boolean).join(' · ') || t('empty')}</p>
            <p className="feed__text" data-testid="researcher-pitch-text">
              {p?.text || t('empty')}
            </p>
            {about.length > 0 && (
              <ul>
                {about.map((r) => (
                  <li key={r.id}>
                    {t(r.reaction)}: {r.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
