import { create } from 'zustand';
import { addItem, itemsMap } from '../../../shared/boardDoc';
import type { VotingConfig } from '../../../shared/controlDoc';
import { newId } from '../../../shared/ids';
import { VOTE } from '../../../shared/toolkit/votes';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { sendCommand } from '../../sync/commands';
import { LOCAL_ORIGIN } from '../../sync/origins';

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
  const board = getActiveWorkshop()?.board;
  if (!board) return false;
  const items = itemsMap(board);
  board.transact(() => {
    if (delta < 0) {
      // Take back the newest of my dots on this item.
      const mine = [...items.values()]
        .filter(
          (m) =>
            m.get('kind') === VOTE &&
            m.get('setId') === voting.setId &&
            m.get('targetId') === targetId &&
            m.get('authorId') === opts.participantId,
        )
        .sort((a, b) => Number(b.get('createdAt')) - Number(a.get('createdAt')));
      const last = mine[0]?.get('id');
      if (typeof last === 'string') items.delete(last);
      return;
    }
    const now = Date.now();
    addItem(board, {
      id: newId('i'),
      kind: VOTE,
      sessionId: opts.sessionId,
      groupId: null,
      authorId: opts.participantId,
      createdAt: now,
      updatedAt: now,
      setId: voting.setId,
      targetId,
    });
  }, LOCAL_ORIGIN);
  return true;
}
