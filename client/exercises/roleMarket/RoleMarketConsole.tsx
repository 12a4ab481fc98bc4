import { useState } from 'react';
import { roleTally } from '../../../shared/exercises/roleMarket';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import { AssignResearchers } from '../dayTwo/AssignResearchers';
import type { ConsoleProps } from '../types';
import { runExerciseAction } from '../useExercise';
import { useRoleMarketT } from './i18n';
import { RoleGrid } from './RoleGrid';
import { useRoleMarket } from './useRoleMarket';
import '../dayTwo/dayTwo.css';
import './roleMarket.css';
import { NumberField } from '../../components/NumberField';

/** Console: picks per participant (min–max), researchers per cooperation, each cooperation's grid and the overall tally. */
export function RoleMarketConsole({ session }: ConsoleProps) {
  const t = useRoleMarketT();
  const lang = useLang();
  const groups = useControlStore((s) => s.groups);
  const { cards, picks, limits } = useRoleMarket(session);
  const [min, setMin] = useState(String(limits.min));
  const [max, setMax] = useState(String(limits.max));
  const tally = roleTally(picks, cards);
  return (
    <div className="daytwo-stack">
      <form
        className="field field--inline"
        onSubmit={(e) => {
          e.preventDefault();
          void runExerciseAction(session.id, 'setPickLimits', { minPicks: Number(min), maxPicks: Number(max) });
        }}
      >
        <span>{t('limits')}:</span>
        <NumberField id="pick-min" label={t('min')} min={1} max={20} value={min} onChange={setMin} testId="pick-min" />
        <NumberField id="pick-max" label={t('max')} min={1} max={20} value={max} onChange={setMax} testId="pick-max" />
        <button type="submit" className="button button--small" data-testid="pick-limits-apply">
          {t('apply')}
        </button>
      </form>
      <AssignResearchers session={session} />
      {groups.map((g) => (
        <section key={g.id} className="daytwo-card" aria-label={g.name}>
          <h3>{g.name}</h3>
          <RoleGrid groupId={g.id} picks={picks.filter((p) => p.groupId === g.id)} cards={cards} />
        </section>
      ))}
      <section className="daytwo-card">
        <h3>{t('overall')}</h3>
        <ul data-testid="role-tally">
          {tally.map((r) => (
            <li key={r.card.id}>
              {localise(r.card.name, lang)}: {r.count}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
