import { useNames } from '../dayTwo/useWorkspace';
import type { ScreenProps } from '../types';
import { useConsultT } from './i18n';
import { RoundsOverview } from './RoundsOverview';
import { useConsult } from './useConsult';
import '../dayTwo/dayTwo.css';
import './consult.css';

/** The current round large (who hosts whom), else the whole schedule. */
export function ConsultScreen({ session }: ScreenProps) {
  const t = useConsultT();
  const names = useNames();
  const c = useConsult(session);
  if (!c.planned) return <p className="screen-wall__empty">{t('notPlanned')}</p>;
  if (!c.current)
    return (
      <div data-testid="consult-screen">
        <p className="consult-screen__status">{c.after ? t('after') : t('before')}</p>
        <RoundsOverview rounds={c.rounds} current={c.round} className="daytwo-screen-card" />
      </div>
    );
  return (
    <div data-testid="consult-screen">
      <p className="consult-screen__status">{t('roundNow', { round: c.round, total: c.rounds.length })}</p>
      <ul className="daytwo-screen-grid consult-screen__list">
        {c.current.consults.map((k) => (
          <li key={k.hostId} className="daytwo-screen-card consult-screen__pair" data-testid="consult-screen-pair">
            {t('receives', { host: names.group(k.hostId), visitors: k.visitorIds.map(names.group).join(t('and')) })}
          </li>
        ))}
      </ul>
      {c.current.idle.length > 0 && (
        <p className="consult-screen__status">
          {t('idleList', { groups: c.current.idle.map(names.group).join(', ') })}
        </p>
      )}
    </div>
  );
}
