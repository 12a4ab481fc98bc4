import { useMemo } from 'react';
import { canVote, myVotes, tallyVotes } from '../../../shared/toolkit/votes';
import { useT } from '../../i18n/i18n';
import { useItemsWithDrafts } from '../../sync/privateWriting';
import { useControlStore } from '../../store/controlStore';
import { castVote, useAnonymousDots } from './voteActions';

/** The open vote of the current session and this voter's dots in it (named: from the board; anonymous: local). */
export function useVoting(participantId: string | null) {
  const voting = useControlStore((s) => s.state?.voting ?? null);
  const items = useItemsWithDrafts();
  const anon = useAnonymousDots((s) => s.dots);
  return useMemo(() => {
    if (!voting) return null;
    const all = Object.values(items);
    const tally = tallyVotes(all, voting);
    let mine = new Map<string, number>();
    if (participantId && !voting.anonymous) mine = myVotes(all, voting.setId, participantId);
    if (voting.anonymous) {
      for (const [k, n] of Object.entries(anon)) {
        const [set, target] = k.split(':');
        if (set === voting.setId && target && n > 0) mine.set(target, n);
      }
    }
    const used = [...mine.values()].reduce((a, b) => a + b, 0);
    return { voting, tally, mine, left: Math.max(0, voting.budget - used) };
  }, [voting, items, anon, participantId]);
}

/** How many dots a voter has left, and whether the vote is anonymous. */
export function VoteBudget({ participantId }: { participantId: string }) {
  const t = useT();
  const v = useVoting(participantId);
  if (!v) return null;
  return (
    <p className="vote-budget" role="status" data-testid="vote-budget" data-left={v.left}>
      {t('toolkit.votesLeft', { count: v.left, budget: v.voting.budget })}{' '}
      <span className="muted">{t(v.voting.anonymous ? 'toolkit.voteAnonymous' : 'toolkit.voteNamed')}</span>
    </p>
  );
}

/** Dot-vote buttons for one item: shown only while a vote is open; respects the budget and the cap per item. */
export function DotVote({
  sessionId,
  participantId,
  targetId,
  label,
}: {
  sessionId: string;
  participantId: string;
  targetId: string;
  label: string;
}) {
  const t = useT();
  const v = useVoting(participantId);
  if (!v) return null;
  const onThis = v.mine.get(targetId) ?? 0;
  const vote = (delta: 1 | -1) => void castVote({ voting: v.voting, sessionId, participantId, targetId, delta });
  return (
    <div className="dot-vote" role="group" aria-label={label} data-testid="dot-vote" data-target={targetId}>
      <span className="dot-vote__dots" aria-hidden="true">
        {'●'.repeat(onThis)}
      </span>
      <span className="visually-hidden">{t('toolkit.votesOn', { count: onThis })}</span>
      <button
        type="button"
        className="button button--small"
        disabled={!canVote(v.mine, targetId, -1, v.voting)}
        onClick={() => vote(-1)}
        data-testid="unvote"
      >
        {t('toolkit.unvote')}
      </button>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={!canVote(v.mine, targetId, 1, v.voting)}
        onClick={() => vote(1)}
        data-testid="vote"
      >
        {t('toolkit.vote')}
      </button>
    </div>
  );
}
