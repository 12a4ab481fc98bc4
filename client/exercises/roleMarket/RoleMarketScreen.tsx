import { roleTally } from '../../../shared/exercises/roleMarket';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { Pager } from '../../views/screen/Pager';
import { chunk, useScreenFocus } from '../../views/screen/useScreenFocus';
import { useNames } from '../dayTwo/useWorkspace';
import type { ScreenProps } from '../types';
import { useRoleMarketT } from './i18n';
import { useRoleMarket } from './useRoleMarket';
import '../dayTwo/dayTwo.css';
import './roleMarket.css';

/** Picks per card, so a cooperation with many picks continues on the next card instead of being cut. */
const PER_CARD = 4;

/**
 * Per cooperation which roles were picked, by whom for whom, paged; then the roles nobody picked. A focused
 * cooperation (console) fills the screen alone.
 */
export function RoleMarketScreen({ session }: ScreenProps) {
  const t = useRoleMarketT();
  const lang = useLang();
  const names = useNames();
  const focus = useScreenFocus();
  const allGroups = useControlStore((s) => s.groups);
  const groups = allGroups.some((g) => g.id === focus) ? allGroups.filter((g) => g.id === focus) : allGroups;
  const { cards, picks, aboutShort } = useRoleMarket(session);
  const tally = roleTally(picks, cards);
  const unpicked = tally.filter((r) => r.count === 0);
  return (
    <div className="rolemarket-screen" data-testid="rolemarket-screen">
      <Pager className={`screen-wall ${groups.length === 1 ? 'screen-wall--wide' : ''}`} label={t('unpicked')}>
        {groups.flatMap((g) => {
          const mine = picks.filter((p) => p.groupId === g.id);
          // One line per role: who picked it for whom, the same pick counted once with "×n".
          const rows = roleTally(mine, cards)
            .filter((r) => r.count > 0)
            .map((r) => {
              const counts = new Map<string, number>();
              for (const p of r.picks) {
                const line = `${names.person(p.authorId)} → ${names.who(p)}`;
                counts.set(line, (counts.get(line) ?? 0) + 1);
              }
              const text = [...counts].map(([line, n]) => (n > 1 ? `${line} ×${n}` : line)).join(' · ');
              return { card: r.card, text };
            });
          return chunk(rows, PER_CARD).map((part, n) => (
            <li
              key={`${g.id}-${n}`}
              className="screen-card"
              data-testid={n === 0 ? 'rolemarket-screen-group' : 'rolemarket-screen-more'}
              data-group-name={g.name}
            >
              <h2 className="screen-card__title">
                {g.name}
                {n > 0 ? ` (${n + 1})` : ` · ${t('picksCount', { count: mine.length })}`}
              </h2>
              <ul className="screen-card__list">
                {part.map(({ card, text }) => (
                  <li key={card.id} className="rolemarket-screen__pick" data-contribution>
                    <strong>{localise(card.name, lang)}</strong>: {text}
                  </li>
                ))}
              </ul>
            </li>
          ));
        })}
        {!focus && (
          <li className="screen-card" data-testid="rolemarket-unpicked">
            <h2 className="screen-card__title">
              {t('unpicked')} ({unpicked.length}/{cards.length})
            </h2>
            <p className="screen-card__text">
              {unpicked.map((r) => localise(r.card.name, lang)).join(' · ') || t('none')}
            </p>
            <p className="screen-card__meta">{localise(aboutShort, lang)}</p>
          </li>
        )}
      </Pager>
    </div>
  );
}
