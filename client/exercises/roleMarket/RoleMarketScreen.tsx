import { roleTally } from '../../../shared/exercises/roleMarket';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { useNames } from '../dayTwo/useWorkspace';
import type { ScreenProps } from '../types';
import { useRoleMarketT } from './i18n';
import { useRoleMarket } from './useRoleMarket';
import '../dayTwo/dayTwo.css';
import './roleMarket.css';

/** Per cooperation which roles were picked, by whom for whom; below, the roles nobody picked. */
export function RoleMarketScreen({ session }: ScreenProps) {
  const t = useRoleMarketT();
  const lang = useLang();
  const names = useNames();
  const groups = useControlStore((s) => s.groups);
  const { cards, picks, aboutShort } = useRoleMarket(session);
  const tally = roleTally(picks, cards);
  const unpicked = tally.filter((r) => r.count === 0);
  return (
    <div className="rolemarket-screen" data-testid="rolemarket-screen">
      <div className="daytwo-screen-grid rolemarket-screen__groups">
        {groups.map((g) => {
          const mine = picks.filter((p) => p.groupId === g.id);
          return (
            <section
              key={g.id}
              className="daytwo-screen-card"
              data-testid="rolemarket-screen-group"
              data-group-name={g.name}
            >
              <h2>
                {g.name} · {t('picksCount', { count: mine.length })}
              </h2>
              <ul className="rolemarket-screen__list">
                {roleTally(mine, cards)
                  .filter((r) => r.count > 0)
                  .map((r) => (
                    <li key={r.card.id} className="rolemarket-screen__pick">
                      <strong>{localise(r.card.name, lang)}</strong>
                      {r.count > 1 && ` ×${r.count}`}:{' '}
                      {r.picks.map((p) => `${names.person(p.authorId)} → ${names.who(p)}`).join(' · ')}
                    </li>
                  ))}
              </ul>
            </section>
          );
        })}
      </div>
      <section className="daytwo-screen-card" data-testid="rolemarket-unpicked">
        <h2>
          {t('unpicked')} ({unpicked.length}/{cards.length})
        </h2>
        <p className="rolemarket-unpicked">
          {unpicked.map((r) => localise(r.card.name, lang)).join(' · ') || t('none')}
        </p>
        <p className="rolemarket-unpicked muted">{localise(aboutShort, lang)}</p>
      </section>
    </div>
  );
}
