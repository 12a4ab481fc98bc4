import { partInRound } from '../../../shared/exercises/consult';
import { useNames } from '../dayTwo/useWorkspace';
import type { PhoneProps } from '../types';
import { ConsultThread } from './ConsultThread';
import { useConsultT } from './i18n';
import { SignUp } from './SignUp';
import { Takeaways } from './Takeaways';
import { useConsult } from './useConsult';
import '../dayTwo/dayTwo.css';
import '../roleMarket/roleMarket.css';

/** The phone says where the cooperation is this round (visit or host) and holds the question, advice and takeaways. */
export function ConsultPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useConsultT();
  const names = useNames();
  const c = useConsult(session);
  if (!groupId) return null;
  if (!c.planned) return <p role="status">{t('notPlanned')}</p>;
  if (c.after)
    return <Takeaways sessionId={session.id} groupId={groupId} rounds={c.rounds} write={{ participantId, locked }} />;
  const signUpRound = c.state.mode === 'free' ? Math.max(1, c.round) : 0;
  const part = partInRound(c.current, groupId);
  const write = { participantId, groupId, locked };
  return (
    <div className="daytwo-stack">
      {c.round === 0 && <p role="status">{t('waiting')}</p>}
      {c.round > 0 && (
        <h2 className="consult-where" data-testid="consult-where" data-role={part.role}>
          {part.role === 'visit'
            ? t('visit', { round: c.round, host: names.group(part.hostId) })
            : part.role === 'host'
              ? t('host', { round: c.round, visitors: part.visitorIds.map(names.group).join(t('and')) })
              : t('idle', { round: c.round })}
        </h2>
      )}
      {signUpRound > 0 && part.role !== 'host' && (
        <SignUp
          sessionId={session.id}
          round={signUpRound}
          rounds={c.rounds}
          groupId={groupId}
          cap={c.state.cap ?? 1}
          locked={locked}
        />
      )}
      {c.round > 0 && part.role === 'host' && (
        <ConsultThread
          sessionId={session.id}
          round={c.round}
          roundId={c.current?.id}
          hostId={groupId}
          write={{ as: 'host', ...write }}
        />
      )}
      {c.round > 0 && part.role === 'visit' && (
        <ConsultThread
          sessionId={session.id}
          round={c.round}
          roundId={c.current?.id}
          hostId={part.hostId}
          write={{ as: 'visitor', ...write }}
        />
      )}
    </div>
  );
}
