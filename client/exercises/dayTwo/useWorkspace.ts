import { useMemo } from 'react';
import type { ParticipantInfo } from '../../../shared/controlDoc';
import { assignedResearchers, groupOfResearcher } from '../../../shared/exercises/dayTwo/workspace';
import { useResearcherName } from '../../research/useResearcherName';
import { useControlStore } from '../../store/controlStore';

const EMPTY: ParticipantInfo[] = [];

/** The members of a cooperation, in joining order. */
export function useMembers(groupId: string | null): ParticipantInfo[] {
  const participants = useControlStore((s) => s.participants);
  return useMemo(() => (groupId ? participants.filter((p) => p.groupId === groupId) : EMPTY), [participants, groupId]);
}

/** Names of people and cooperations, read from the control document. */
export function useNames() {
  const participants = useControlStore((s) => s.participants);
  const groups = useControlStore((s) => s.groups);
  return useMemo(() => {
    const people = new Map(participants.map((p) => [p.id, p.name]));
    const coops = new Map(groups.map((g) => [g.id, g.name]));
    return {
      person: (id: string | null | undefined) => (id ? (people.get(id) ?? '?') : '?'),
      group: (id: string | null | undefined) => (id ? (coops.get(id) ?? '') : ''),
      who: (i: object) => whoName(i as { whoMemberId?: unknown; whoParty?: unknown }, people),
    };
  }, [participants, groups]);
}

/** Researcher assignments (cooperation id → researcher name), merged over day two. */
export function useAssignedResearchers(): Record<string, string> {
  const programme = useControlStore((s) => s.programme);
  const exercises = useControlStore((s) => s.exercises);
  return useMemo(() => assignedResearchers(programme, exercises), [programme, exercises]);
}

/** The researcher's name comes from the research console's one store. */
export { useResearcherName };

/**
 * The cooperation a researcher view shows: the one picked on the researcher console, else the one this researcher
 * is assigned to (by name), else all (null).
 */
export function useFollowedGroup(picked: string | null): string | null {
  const [name] = useResearcherName();
  const assigned = useAssignedResearchers();
  return picked ?? groupOfResearcher(assigned, name);
}

/** The name of who an item applies to: the member's name, or the named party. */
function whoName(i: { whoMemberId?: unknown; whoParty?: unknown }, people: Map<string, string>): string {
  return typeof i.whoMemberId === 'string' ? (people.get(i.whoMemberId) ?? '?') : String(i.whoParty ?? '');
}
