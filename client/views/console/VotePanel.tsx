import { useState } from 'react';
import type { VotingConfig } from '../../../shared/controlDoc';
import type { Session } from '../../../shared/programme';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { NumberField } from '../../components/NumberField';

const clampDots = (raw: string) => Math.max(1, Math.min(20, Number(raw) || 1));

/** Opens or closes a dot vote in the current session: dots per person, cap per item, anonymous or named. */
export function VotePanel({ session, voting }: { session: Session; voting: VotingConfig | null | undefined }) {
  const t = useT();
  const [budget, setBudget] = useState(3);
  const [maxPerItem, setMax] = useState(2);
  const [anonymous, setAnonymous] = useState(false);
  if (voting) {
    return (
      <div className="controls__group" data-testid="vote-panel">
        <p className="controls__state">
          {t('toolkit.voteOpen', { budget: voting.budget, max: voting.maxPerItem })}{' '}
          {voting.anonymous ? t('toolkit.voteAnonymousShort') : t('toolkit.voteNamedShort')}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => void runCommand({ type: 'vote.open', voting: null })}
          data-testid="vote-close"
        >
          {t('toolkit.voteClose')}
        </button>
      </div>
    );
  }
  return (
    <div className="controls__group" role="group" aria-labelledby="vote-title" data-testid="vote-panel">
      <h3 id="vote-title">{t('toolkit.voteTitle')}</h3>
      <div className="button-row">
        <NumberField
          label={t('toolkit.voteBudget')}
          min={1}
          max={20}
          value={budget}
          onChange={(raw) => setBudget(clampDots(raw))}
          testId="vote-budget-input"
        />
        <NumberField
          label={t('toolkit.voteMax')}
          min={1}
          max={20}
          value={maxPerItem}
          onChange={(raw) => setMax(clampDots(raw))}
          testId="vote-max-input"
        />
        <label>
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            data-testid="vote-anonymous"
          />{' '}
          {t('toolkit.voteAnonymousShort')}
        </label>
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            void runCommand({
              type: 'vote.open',
              // One vote per session at a time; a fresh set id keeps earlier rounds' dots apart.
              voting: { setId: `${session.id}-${Date.now().toString(36)}`.slice(0, 40), budget, maxPerItem, anonymous },
            })
          }
          data-testid="vote-open"
        >
          {t('toolkit.voteStart')}
        </button>
      </div>
    </div>
  );
}
