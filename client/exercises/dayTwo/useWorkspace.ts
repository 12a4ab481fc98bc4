import { useMemo, useSyncExternalStore } from 'react';
import type { ParticipantInfo } from '../../../shared/controlDoc';
import { assignedResearchers, groupOfResearcher } from '../../../shared/exercises/dayTwo/workspace';
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

const NAME_KEY = 'werkplaats:researcher-name';
const listeners = new Set<() => void>();
const readName = () => {
  try {
    return window.localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return ''; // Storage may be off in private mode; the name is then not remembered.
  }
};

/** The name this researcher gave, kept in localStorage on their own device. */
export function useResearcherName(): [string, (name: string) => void] {
  const name = useSyncExternalStore(
    (cb) => (listeners.add(cb), () => listeners.delete(cb)),
    readName,
    () => '',
  );
  const set = (next: string) => {
    try {
      window.localStorage.setItem(NAME_KEY, next);
    } catch {
      // Not remembered, nothing else to do.
    }
    listeners.forEach((l) => l());
  };
  return [name, set];
}

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
