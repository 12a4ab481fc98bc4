import { useMemo } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { workGroupsOf } from '../../shared/research/workGroups';
import { useControlStore } from '../store/controlStore';

/** Live names for the console (staff see names; exports never do). */
export function useNames() {
  const participants = useControlStore((s) => s.participants);
  const groups = useControlStore((s) => s.groups);
  const exercises = useControlStore((s) => s.exercises);
  return useMemo(() => {
    const byId = new Map<string, ParticipantInfo>(participants.map((p) => [p.id, p]));
    const formed = Object.values(exercises).flatMap((state) => workGroupsOf(state));
    const groupNames = new Map([...formed, ...groups].map((g) => [g.id, g.name]));
    // Every known id (people, cooperations, work groups) to its name, longest first so no id eats part of another.
    const known = new Map<string, string>([...groupNames, ...participants.map((p) => [p.id, p.name] as const)]);
    const pattern = known.size
      ? new RegExp(
          `(?<![\\w-])(?:${[...known.keys()]
            .sort((a, b) => b.length - a.length)
            .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|')})(?![\\w-])`,
          'g',
        )
      : null;
    return {
      /** A text (an item's record line, "kiest rol … voor p2x3…") with ids replaced by names, for staff to read. */
      readable: (text: string) => (pattern ? text.replace(pattern, (id) => known.get(id) ?? id) : text),
      participants,
      participant: (id: string | null) => (id ? byId.get(id) : undefined),
      author: (id: string | null) => (id ? (byId.get(id)?.name ?? id) : '—'),
      group: (id: string | null) => (id ? (groupNames.get(id) ?? '') : ''),
    };
  }, [participants, groups, exercises]);
}

/** Formats a moment as HH:MM:SS in the page's language. */
export const clock = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
