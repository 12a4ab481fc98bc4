import { lazy, Suspense } from 'react';
import { useControlStore } from '../store/controlStore';
import type { SessionVote as SessionVoteView } from './SessionVote';

const SessionVote = lazy(() => import('./SessionVote').then((m) => ({ default: m.SessionVote })));

/**
 * Where a phone view shows the dots: the vote's code downloads only once the facilitator opens a vote, so a phone's
 * first download does not carry it.
 */
export function SessionVoteSlot(props: Parameters<typeof SessionVoteView>[0]) {
  const open = useControlStore((s) => !!s.state?.voting);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SessionVote {...props} />
    </Suspense>
  );
}
