import { useEffect, useMemo, useState } from 'react';
import { isVisible, type Item } from '../../shared/boardDoc';
import type { ExerciseKind } from '../../shared/programme';
import { DotVote, VoteBudget } from '../components/toolkit/DotVote';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';
import { useControlStore } from '../store/controlStore';
import { loadExerciseDefinition } from './registry';

const NO_ITEMS: readonly Item[] = [];
const NO_KINDS: readonly string[] = [];

/** Text of a voted item, as the screen's chart shows it (client/views/screen/VoteResults.tsx). */
export const voteText = (i: Item | undefined): string =>
  typeof i?.text === 'string' ? i.text : typeof i?.name === 'string' ? i.name : '';

/** The item kinds dots go on, from the exercise's shared definition once it has loaded (none until then). */
function useVotableKinds(kind: ExerciseKind): readonly string[] {
  const [votable, setVotable] = useState<{ kind: ExerciseKind; items: readonly string[] }>();
  useEffect(() => {
    let live = true;
    loadExerciseDefinition(kind).then(
      (def) => live && setVotable({ kind, items: def.votable ?? NO_KINDS }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return votable?.kind === kind ? votable.items : NO_KINDS;
}

/**
 * The phone's dots while the facilitator has a vote open: every visible item of the exercise's votable kinds
 * (`votable` in its shared definition, `shared/exercises/<kind>/index.ts`, loaded on demand) on the board, in the
 * order of the wall, each with its dot buttons. Private drafts are never voted on (nobody else can see them).
 */
export function SessionVote({
  sessionId,
  kind,
  participantId,
  filter,
}: {
  sessionId: string;
  kind: ExerciseKind;
  participantId: string;
  /** Narrows the items (e.g. to the phone's own tree group). */
  filter?: (i: Item) => boolean;
}) {
  const t = useT();
  const open = useControlStore((s) => !!s.state?.voting);
  const all = useBoardStore((s) => s.sessions[sessionId] ?? NO_ITEMS);
  const kinds = useVotableKinds(kind);
  const items = useMemo(
    () => all.filter((i) => kinds.includes(i.kind) && isVisible(i) && voteText(i) && (!filter || filter(i))),
    [all, kinds, filter],
  );
  if (!open || kinds.length === 0) return null;
  return (
    <section className="phone-notes" aria-labelledby="session-vote-title" data-testid="session-vote">
      <h3 id="session-vote-title">{t('toolkit.voteTitle')}</h3>
      <VoteBudget participantId={participantId} />
      {items.length === 0 ? (
        <p className="muted">{t('toolkit.voteNothing')}</p>
      ) : (
        <ul className="note-list">
          {items.map((i) => (
            <li key={i.id} className="note" data-item-id={i.id} data-testid="vote-item">
              <p className="note__text">{voteText(i)}</p>
              <DotVote sessionId={sessionId} participantId={participantId} targetId={i.id} label={voteText(i)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
