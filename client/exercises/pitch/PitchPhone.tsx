import { useControlStore } from '../../store/controlStore';
import type { PhoneProps } from '../types';
import { usePitchT } from './i18n';
import { PitchEditor } from './PitchEditor';
import { ReactionForm } from './ReactionForm';
import { usePitch } from './usePitch';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';

/** Prepare: the group's shared pitch. Present: who is on, and a reaction to send about their pitch. */
export function PitchPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = usePitchT();
  const phase = useControlStore((s) => s.state?.phase);
  const groups = useControlStore((s) => s.groups);
  const { pitches, reactions, state, order } = usePitch(session.id);
  const name = (id: string | null | undefined) => groups.find((g) => g.id === id)?.name ?? '';

  if (phase !== 'present') {
    if (!groupId) return <p className="notice notice--warning">{t('noGroup')}</p>;
    return (
      <PitchEditor sessionId={session.id} pitch={pitches.get(groupId)} locked={locked} participantId={participantId} />
    );
  }
  const target = state.current ?? state.reactionsFor ?? null;
  const mine = reactions.filter((r) => r.authorId === participantId).reverse();
  return (
    <div className="pitch-phone" data-testid="pitch-phone-present">
      {state.current ? (
        <p className="pitch-phone__now" role="status" data-testid="pitch-now">
          {t('presenting', { group: name(state.current) })}
        </p>
      ) : (
        <p className="muted">{t('waiting')}</p>
      )}
      {target && (
        <ReactionForm
          sessionId={session.id}
          participantId={participantId}
          groupId={groupId}
          targetGroupId={target}
          targetName={name(target)}
          locked={locked}
        />
      )}
      <section aria-labelledby="pitch-order-title">
        <h3 id="pitch-order-title">{t('nextUp')}</h3>
        <ol className="pitch-order">
          {order.map((g) => (
            <li key={g} aria-current={g === state.current ? 'step' : undefined}>
              {name(g)}
              {g === groupId && <span className="muted"> ({t('ownOwn')})</span>}
            </li>
          ))}
        </ol>
      </section>
      <DeletedItemUndo />
      {mine.length > 0 && (
        <section aria-labelledby="my-reactions-title">
          <h3 id="my-reactions-title">{t('myReactions')}</h3>
          <ul className="note-list" data-testid="my-reactions">
            {mine.map((r) => (
              <li key={r.id} className="note" data-item-id={r.id}>
                <p className="note__meta">
                  {t(r.reaction)} · {name(r.targetGroupId)}
                </p>
                <p className="note__text">{r.text}</p>
                <OwnItemActions item={r} locked={locked} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
