import { useMemo } from 'react';
import type { ParticipantInfo } from '../../../shared/controlDoc';
import { useT } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';

/** Names for authors and groups, read from the control document. */
export function useAuthors() {
  const t = useT();
  const participants = useControlStore((s) => s.participants);
  const groups = useControlStore((s) => s.groups);
  return useMemo(() => {
    const byId = new Map<string, ParticipantInfo>(participants.map((p) => [p.id, p]));
    const groupNames = new Map(groups.map((g) => [g.id, g.name]));
    return {
      participant: (id: string | null) => (id ? byId.get(id) : undefined),
      authorName: (id: string | null) =>
        id === 'facilitator' ? t('notes.facilitator') : ((id && byId.get(id)?.name) ?? t('notes.unknownAuthor')),
      groupName: (id: string | null) => (id ? (groupNames.get(id) ?? '') : ''),
    };
  }, [participants, groups, t]);
}
