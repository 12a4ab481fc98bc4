import type { ConsultRound } from '../../../shared/exercises/consult';
import { useNames } from '../dayTwo/useWorkspace';
import { useConsultT } from './i18n';

/** Every round's consults, the current one marked. */
export function RoundsOverview({
  rounds,
  current,
  className = 'daytwo-card',
}: {
  rounds: readonly ConsultRound[];
  current: number;
  className?: string;
}) {
  const t = useConsultT();
  const names = useNames();
  return (
    <ol className="consult-rounds" data-testid="consult-rounds">
      {rounds.map((r) => (
        <li
          key={r.round}
          className={className}
          aria-current={r.round === current ? 'step' : undefined}
          data-testid="consult-round"
        >
          <h3>{t('roundN', { round: r.round })}</h3>
          <ul>
            {r.consults.map((c) => (
              <li key={c.hostId}>
                {t('receives', { host: names.group(c.hostId), visitors: c.visitorIds.map(names.group).join(t('and')) })}
              </li>
            ))}
          </ul>
          {r.idle.length > 0 && (
            <p className="muted">{t('idleList', { groups: r.idle.map(names.group).join(', ') })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
