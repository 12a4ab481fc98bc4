import { create } from 'zustand';
import type { VotingConfig } from '../../../shared/controlDoc';
import { VOTE } from '../../../shared/toolkit/votes';
import { sendCommand } from '../../sync/commands';
import { createItem, deleteItem, findItem } from '../../sync/itemWrites';

/** This phone's own anonymous dots per target (only in memory: the record holds no link to the voter). */
export const useAnonymousDots = create<{ dots: Record<string, number> }>(() => ({ dots: {} }));

/**
 * One dot more or less on an item. Named dots are the voter's own `vote` items on the board; anonymous dots go
 * through the server (`vote.cast`), which writes them without an author.
 */
export async function castVote(opts: {
  voting: VotingConfig;
  sessionId: string;
  participantId: string;
  targetId: string;
  delta: 1 | -1;
}): Promise<boolean> {
  const { voting, targetId, delta } = opts;
  if (voting.anonymous) {
    const ack = await sendCommand({ type: 'vote.cast', targetId, delta });
    if (ack.ok) {
      useAnonymousDots.setState((s) => ({
        dots: { ...s.dots, [`${voting.setId}:${targetId}`]: (s.dots[`${voting.setId}:${targetId}`] ?? 0) + delta },
      }));
    }
    return ack.ok;
  }
  if (delta < 0) {
    // Take back the newest of my dots on this item (a draft or on the board).
    let newest: { id: string; createdAt: number } | null = null;
    findItem((i) => {
      const mine =
        i.kind === VOTE && i.setId === voting.setId && i.targetId === targetId && i.authorId === opts.participantId;
      if (mine && (!newest || i.createdAt > newest.createdAt)) newest = { id: i.id, createdAt: i.createdAt };
      return false;
    });
    const last = newest as { id: string } | null;
    return last ? deleteItem(last.id).ok : true;
  }
  return createItem(
    { kind: VOTE, sessionId: opts.sessionId, groupId: null, authorId: opts.participantId },
    { setId: voting.setId, targetId },
  ).ok;
}
