import { useMemo, useState } from 'react';
import type { VotingConfig } from '../../../shared/controlDoc';
import { tallyVotes } from '../../../shared/toolkit/votes';
import { votableKinds } from '../../../shared/exercises/registry';
import { voteText } from '../../exercises/SessionVote';
import { useBoardStore } from '../../store/boardStore';
import type { Session } from '../../../shared/programme';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { NumberField } from '../../components/NumberField';

const clampDots = (raw: string) => Math.max(1, Math.min(20, Number(raw) || 1));

/** The open vote's standing, most dots first (the same count and order as the screen's chart). */
function VoteStanding({ voting }: { voting: VotingConfig }) {
  const t = useT();
  const items = useBoardStore((s) => s.items);
  const rows = useMemo(() => {
    const tally = tallyVotes(Object.values(items), voting);
    return [...tally.entries()]
      .map(([id, count]) => ({ id, count, text: voteText(items[id]) }))
      .filter((r) => r.text && r.count > 0)
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  }, [items, voting]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="vote-standing-title">
      <h4 id="vote-standing-title">{t('toolkit.voteResults')}</h4>
      <ol className="vote-standing" data-testid="vote-standing">
        {rows.map((r) => (
          <li key={r.id} data-testid="vote-standing-row" data-item-id={r.id} data-count={r.count}>
            {r.text} — {t('toolkit.votesOn', { count: r.count })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Opens or closes a dot vote in the current session: dots per person, cap per item, anonymous or named. Offered only
 * in exercises whose phones show dots (`votable` in `shared/exercises/<kind>/index.ts`; the server refuses the others).
 */
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
        <VoteStanding voting={voting} />
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
  if (votableKinds(session.kind).length === 0)
    return (
      <div className="controls__group" data-testid="vote-panel">
        <p className="muted" data-testid="vote-not-here">
          {t('toolkit.voteNotHere')}
        </p>
      </div>
    );
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
