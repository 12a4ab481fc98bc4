import { useNames } from '../dayTwo/useWorkspace';
import type { ScreenProps } from '../types';
import { useConsultT } from './i18n';
import { Pager } from '../../views/screen/Pager';
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
      <div className="screen-stack" data-testid="consult-screen">
        <p className="consult-screen__status">{c.after ? t('after') : t('before')}</p>
        <Pager className="screen-wall screen-wall--wide" label={t('before')} ordered>
          {c.rounds.map((r) => (
            <li key={r.round} className="screen-card" data-testid="consult-round">
              <h2 className="screen-card__title">{t('roundN', { round: r.round })}</h2>
              <ul className="screen-card__list">
                {r.consults.map((k) => (
                  <li key={k.hostId} className="screen-card__text" data-contribution>
                    {t('receives', {
                      host: names.group(k.hostId),
                      visitors: k.visitorIds.map(names.group).join(t('and')),
                    })}
                  </li>
                ))}
              </ul>
              {r.idle.length > 0 && (
                <p className="screen-card__meta">{t('idleList', { groups: r.idle.map(names.group).join(', ') })}</p>
              )}
            </li>
          ))}
        </Pager>
      </div>
    );
  return (
    <div className="screen-stack" data-testid="consult-screen">
      <p className="consult-screen__status">{t('roundNow', { round: c.round, total: c.rounds.length })}</p>
      <Pager
        className="screen-wall screen-wall--wide"
        label={t('roundNow', { round: c.round, total: c.rounds.length })}
      >
        {c.current.consults.map((k) => (
          <li key={k.hostId} className="screen-card consult-screen__pair" data-testid="consult-screen-pair">
            <p className="screen-card__text" data-contribution>
              {t('receives', { host: names.group(k.hostId), visitors: k.visitorIds.map(names.group).join(t('and')) })}
            </p>
          </li>
        ))}
      </Pager>
      {c.current.idle.length > 0 && (
        <p className="consult-screen__status">
          {t('idleList', { groups: c.current.idle.map(names.group).join(', ') })}
        </p>
      )}
    </div>
  );
}
