import { strengthsPhase } from '../../../shared/exercises/strengths';
import { readRoleCatalogue } from '../../../shared/exercises/strengths/catalogue';
import { useControlStore } from '../../store/controlStore';
import type { PhoneProps } from '../types';
import { togglePlusOne } from './actions';
import { useStrengthsT } from './i18n';
import { RoleForm } from './RoleForm';
import { StrengthForm } from './StrengthForm';
import { StrengthWall } from './StrengthWall';
import { useStrengths, useStrengthsState } from './useStrengths';
import './strengths.css';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';
import { SessionVoteSlot } from '../SessionVoteSlot';
import { LIMITS } from '../../../shared/limits';

/** What this step asks of the participant: strengths of the other side, feedback with +1s, or a role proposal. */
export function StrengthsPhone({ session, participantId, locked }: PhoneProps) {
  const t = useStrengthsT();
  const phase = strengthsPhase(useControlStore((s) => s.state?.phase));
  const participants = useControlStore((s) => s.participants);
  const me = participants.find((p) => p.id === participantId);
  const state = useStrengthsState(session.id);
  const { all, strengths, proposals, plusCount, myPlus } = useStrengths(session.id);
  const group = state.groups?.find((g) => g.members.includes(participantId));
  const groupName =
    group?.id === 'side-formal' ? t('groupFormal') : group?.id === 'side-informal' ? t('groupInformal') : group?.name;
  // groupId stays the cooperation (the server's ownership rule); the work group is a field of its own.
  const who = { sessionId: session.id, groupId: me?.groupId ?? null, authorId: participantId };
  const extra = group ? { workGroupId: group.id } : {};
  const other = me?.side === 'formal' ? 'informal' : 'formal';
  const mine = strengths.filter((s) => s.authorId === participantId);
  const myRoles = proposals.filter((p) => p.authorId === participantId);
  // Mixed groups: who else is in it, by name ("Groep 1, met Anouk, Bram").
  const others = (group?.members ?? [])
    .filter((m) => m !== participantId)
    .map((m) => participants.find((p) => p.id === m)?.name)
    .filter((n): n is string => !!n);
  const accepted = new Set(readRoleCatalogue(all, state, session.id).map((r) => r.id));

  return (
    <div className="strengths-phone" data-phase={phase}>
      <DeletedItemUndo />
      <SessionVoteSlot sessionId={session.id} kind={session.kind} participantId={participantId} />
      {groupName && (
        <p className="ex-badge" data-testid="strengths-group">
          {others.length
            ? t('yourGroupWith', { name: groupName, names: others.join(', ') })
            : t('yourGroup', { name: groupName })}
        </p>
      )}
      {phase === 'kracht' && (
        <>
          <StrengthForm
            who={who}
            extra={extra}
            aboutSide={other}
            locked={locked || !me}
            ask={t('askKracht', { other: other === 'formal' ? t('otherFormal') : t('otherInformal') })}
          />
          <section aria-labelledby="my-strengths">
            <h3 id="my-strengths">{t('mine')}</h3>
            {mine.length === 0 ? (
              <p className="muted">{t('none')}</p>
            ) : (
              <ul className="ex-list" data-testid="my-strengths">
                {mine.map((s) => (
                  <li key={s.id} data-testid="my-strength">
                    <span>{s.text}</span>
                    <OwnItemActions item={s} locked={locked} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {phase === 'terugkoppeling' && (
        <>
          <StrengthWall
            strengths={strengths}
            plusCount={plusCount}
            variant="phone"
            renderActions={(s) => (
              <>
                {s.authorId === participantId && <OwnItemActions item={s} locked={locked} />}
                <button
                  type="button"
                  className="button button--small strength-card__vote"
                  aria-pressed={myPlus(s.id, participantId)}
                  aria-label={t('plusOneLabel', { text: s.text })}
                  disabled={locked || s.authorId === participantId}
                  onClick={() => togglePlusOne(who, s.id)}
                  data-testid="plus-one"
                >
                  {t('plusOne')}
                </button>
              </>
            )}
          />
          <StrengthForm
            who={who}
            extra={extra}
            aboutSide={null}
            addition
            locked={locked || !me}
            ask={t('additionAsk')}
          />
        </>
      )}
      {phase === 'rollen' && (
        <>
          <RoleForm who={who} extra={extra} strengths={strengths} locked={locked || !me} defaultSide={other} />
          <section aria-labelledby="my-roles">
            <h3 id="my-roles">{t('myRoles')}</h3>
            {myRoles.length === 0 ? (
              <p className="muted">{t('none')}</p>
            ) : (
              <ul className="ex-list" data-testid="my-roles">
                {myRoles.map((r) => (
                  <li key={r.id}>
                    <strong>{r.name}</strong> — {r.description}
                    <br />
                    <span className="muted">{accepted.has(r.id) ? t('accepted') : t('pending')}</span>
                    {!accepted.has(r.id) && (
                      <OwnItemActions
                        item={r}
                        locked={locked}
                        what={r.name}
                        fields={[
                          { key: 'name', label: t('roleName'), max: LIMITS.name, short: true },
                          { key: 'description', label: t('roleDescription'), max: 200 },
                        ]}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
