import { useState } from 'react';
import { partInRound, type ConsultRound } from '../../../shared/exercises/consult';
import { useControlStore } from '../../store/controlStore';
import { useNames } from '../dayTwo/useWorkspace';
import { sendExerciseAction } from '../useExercise';
import { useConsultT } from './i18n';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/** Free mode: the cooperation signs up for a host of the round; a full host says so. */
export function SignUp(props: {
  sessionId: string;
  round: number;
  rounds: readonly ConsultRound[];
  groupId: string;
  cap: number;
  locked: boolean;
}) {
  const t = useConsultT();
  const tt = useT();
  const names = useNames();
  const groups = useControlStore((s) => s.groups);
  const [error, setError] = useState<string | null>(null);
  const current = props.rounds.find((r) => r.round === props.round);
  const part = partInRound(current, props.groupId);
  return (
    <section className="daytwo-stack" aria-labelledby="signup-title">
      <h2 id="signup-title">{t('signUpTitle', { round: props.round })}</h2>
      {part.role === 'visit' && <p data-testid="signed-up">{t('signedUp', { host: names.group(part.hostId) })}</p>}
      <div className="daytwo-tabs">
        {groups
          .filter((g) => g.id !== props.groupId)
          .map((g) => {
            const visitors = current?.consults.find((c) => c.hostId === g.id)?.visitorIds ?? [];
            const full = visitors.length >= props.cap && !visitors.includes(props.groupId);
            return (
              <button
                key={g.id}
                type="button"
                className="button"
                aria-pressed={visitors.includes(props.groupId)}
                disabled={props.locked || full}
                onClick={async () => {
                  const ack = await sendExerciseAction(props.sessionId, 'signUp', { round: props.round, hostId: g.id });
                  setError(ack.ok ? null : errorText(tt, ack.error.code));
                }}
                data-testid="consult-signup"
              >
                {t('signUp', { host: g.name })}
                {full && ` (${t('full')})`}
              </button>
            );
          })}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
