import { isVisible } from '../../../shared/boardDoc';
import { strengthsPhase } from '../../../shared/exercises/strengths';
import { ROLE_CATALOGUE_ABOUT, readRoleCatalogue } from '../../../shared/exercises/strengths/catalogue';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { Pager } from '../../views/screen/Pager';
import { Spotlight } from '../../views/screen/Spotlight';
import type { ScreenProps } from '../types';
import { useStrengthsT } from './i18n';
import { StrengthScreenWall } from './StrengthScreenWall';
import { useStrengths, useStrengthsState } from './useStrengths';
import './strengths.css';

/** Kracht and terugkoppeling: the wall as the source's boxes. Rollen: the proposed roles and the catalogue's size. */
export function StrengthsScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useStrengthsT();
  const lang = useLang();
  const phase = strengthsPhase(useControlStore((s) => s.state?.phase));
  const state = useStrengthsState(session.id);
  const { all, strengths, proposals, plusCount } = useStrengths(session.id);
  const spotlight = strengths.find((s) => s.id === spotlightItemId && isVisible(s));
  if (spotlight) {
    return <Spotlight text={spotlight.text} />;
  }
  if (phase !== 'rollen') {
    return <StrengthScreenWall strengths={strengths} plusCount={plusCount} />;
  }
  const catalogue = readRoleCatalogue(all, state, session.id);
  const accepted = new Set(catalogue.map((r) => r.id));
  const shown = proposals.filter(isVisible);
  return (
    <div className="role-screen">
      <Pager className="role-screen__cards" label={t('rolesCount', { count: catalogue.length })}>
        {shown.map((p) => (
          <li
            key={p.id}
            className={`role-card ${accepted.has(p.id) ? 'role-card--accepted' : ''}`}
            data-testid="screen-role"
            data-side={p.side}
          >
            <p className="role-card__side">{p.side === 'formal' ? t('formal') : t('informal')}</p>
            <p className="role-card__name" data-contribution>
              {catalogue.find((r) => r.id === p.id)?.name.nl ?? p.name}
            </p>
            <p className="role-card__desc" data-contribution>
              {p.description}
            </p>
          </li>
        ))}
      </Pager>
      <p className="role-screen__about">
        {t('rolesCount', { count: catalogue.length })} · {localise(ROLE_CATALOGUE_ABOUT, lang)}
      </p>
    </div>
  );
}
