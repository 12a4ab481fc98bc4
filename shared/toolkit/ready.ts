import type { Group, ParticipantInfo } from '../controlDoc';

/** The ready list after one participant tapped "klaar" (or took it back); keeps the order people got ready. */
export function withReady(ready: readonly string[] | undefined, participantId: string, isReady: boolean): string[] {
  const rest = (ready ?? []).filter((id) => id !== participantId);
  return isReady ? [...rest, participantId] : rest;
}

/** Per group: who is ready and how many people the group has, in the groups' order. */
export function readyByGroup(
  groups: readonly Group[],
  participants: readonly ParticipantInfo[],
  ready: readonly string[],
) {
  const set = new Set(ready);
  return groups.map((g) => {
    const members = participants.filter((p) => p.groupId === g.id);
    return { group: g, members, ready: members.filter((p) => set.has(p.id)) };
  });
}
