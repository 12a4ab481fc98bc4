import { useState } from 'react';
import { filterCards, pickProgress } from '../../../shared/exercises/roleMarket';
import type { Side } from '../../../shared/programme';
import { localise, useLang } from '../../i18n/i18n';
import { useNames } from '../dayTwo/useWorkspace';
import type { PhoneProps } from '../types';
import { useRoleMarketT } from './i18n';
import { PickForm } from './PickForm';
import { RoleGrid } from './RoleGrid';
import { useRoleMarket } from './useRoleMarket';
import '../dayTwo/dayTwo.css';
import './roleMarket.css';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';
import { LIMITS } from '../../../shared/limits';
import type { Item } from '../../../shared/boardDoc';

/** The market on a phone: filter the cards, pick roles for your own cooperation (who, why), see your cooperation's grid. */
export function RoleMarketPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useRoleMarketT();
  const lang = useLang();
  const names = useNames();
  const { cards, about, limits, picks } = useRoleMarket(session, groupId);
  const [side, setSide] = useState<Side | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const mine = picks.filter((p) => p.authorId === participantId);
  const progress = pickProgress(mine.length, limits);
  const cardName = (id: string) => localise(cards.find((c) => c.id === id)?.name, lang);

  return (
    <div className="rolemarket-phone daytwo-stack">
      <p className="muted rolemarket-about" data-testid="rolemarket-about">
        {localise(about, lang)}
      </p>
      <p role="status" data-testid="pick-progress" data-count={mine.length}>
        {!progress.canPickMore
          ? t('full', { max: limits.max })
          : progress.enough
            ? t('enough', { max: limits.max })
            : t('progress', { count: mine.length, min: limits.min, max: limits.max })}
      </p>
      <DeletedItemUndo />
      <section aria-labelledby="my-picks-title">
        <h2 id="my-picks-title">{t('myPicks')}</h2>
        {mine.length === 0 ? (
          <p className="muted">{t('noPicks')}</p>
        ) : (
          <ul className="daytwo-stack rolemarket-list" data-testid="my-picks">
            {mine.map((p) => (
              <li key={p.id} className="daytwo-card" data-testid="my-pick">
                <h3>{cardName(p.roleId)}</h3>
                <p>
                  {names.who(p)} — {p.why}
                </p>
                <OwnItemActions
                  item={p as unknown as Item}
                  locked={locked}
                  what={cardName(p.roleId)}
                  fields={[{ key: 'why', label: t('why'), max: LIMITS.itemText }]}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="daytwo-tabs" role="group" aria-label={t('filter')}>
        {(['all', 'formal', 'informal'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className="button button--small"
            aria-pressed={side === s}
            onClick={() => setSide(s)}
            data-testid={`filter-${s}`}
          >
            {t(s)}
          </button>
        ))}
      </div>
      <ul className="daytwo-stack rolemarket-list" data-testid="role-cards">
        {filterCards(cards, side).map((c) => {
          const already = mine.some((p) => p.roleId === c.id);
          return (
            <li key={c.id} className="daytwo-card" data-testid="role-card" data-role-id={c.id} data-side={c.side}>
              <h3>{localise(c.name, lang)}</h3>
              <p className="muted">{t(c.side === 'formal' ? 'formalShort' : 'informalShort')}</p>
              <p>{localise(c.description, lang)}</p>
              {open === c.id ? (
                <PickForm
                  card={c}
                  sessionId={session.id}
                  groupId={groupId}
                  participantId={participantId}
                  onDone={() => setOpen(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button button--block"
                  disabled={locked || !progress.canPickMore}
                  onClick={() => setOpen(c.id)}
                  data-testid="pick-role"
                >
                  {already ? `${t('picked')} · ${t('pick')}` : t('pick')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('grid')}</h2>
        <RoleGrid groupId={groupId} picks={picks} cards={cards} />
      </section>
    </div>
  );
}
