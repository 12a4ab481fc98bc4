import { useMemo } from 'react';
import type { Item } from '../../../shared/boardDoc';
import {
  isPitchPhoto,
  isUploadId,
  keywordsOf,
  PITCH,
  PITCH_REACTION,
  readPitchState,
  type ReactionType,
} from '../../../shared/exercises/pitch/kinds';
import { effectiveOrder } from '../../../shared/exercises/pitch/order';
import { useItemsWithDrafts } from '../../sync/privateWriting';
import { useControlStore } from '../../store/controlStore';
import { useExerciseState } from '../useExercise';

export type PitchItem = Item & { text: string; keywords: string[]; photo?: string; photoId?: string; photoBy?: string };
export type Reaction = Item & { targetGroupId: string; reaction: ReactionType; text: string };

/** The session's pitches (one per group) and reactions, with the exercise state and the order to show. */
export function usePitch(sessionId: string) {
  const items = useItemsWithDrafts();
  const groups = useControlStore((s) => s.groups);
  const raw = useExerciseState(sessionId);
  return useMemo(() => {
    const all = Object.values(items).filter((i) => i.sessionId === sessionId);
    const pitches = new Map<string, PitchItem>();
    for (const i of all.sort((a, b) => a.createdAt - b.createdAt)) {
      if (i.kind === PITCH && i.groupId && !pitches.has(i.groupId)) {
        pitches.set(i.groupId, {
          ...i,
          text: typeof i.text === 'string' ? i.text : '',
          keywords: keywordsOf(i),
          // Only a JPEG data URL is ever put in an <img>; anything else written into the field is ignored.
          photo: isPitchPhoto(i.photo) ? i.photo : undefined,
          photoId: isUploadId(i.photoId) ? i.photoId : undefined,
          photoBy: typeof i.photoBy === 'string' ? i.photoBy : undefined,
        });
      }
    }
    const reactions = all.filter((i): i is Reaction => i.kind === PITCH_REACTION && typeof i.text === 'string');
    const state = readPitchState(raw);
    const order = effectiveOrder(
      state.order,
      groups.map((g) => g.id),
    );
    return { pitches, reactions, state, order };
  }, [items, groups, raw, sessionId]);
}
