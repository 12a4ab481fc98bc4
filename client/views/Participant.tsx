import { lazy, Suspense, useEffect, useState } from 'react';
import type { WhoAmIResponse } from '../../shared/protocol';
import { api } from '../api';
import { currentSession } from '../../shared/controlDoc';
import { timerRunning } from '../../shared/timer';
import { Page } from '../components/Page';
import { ReentryLink } from '../components/ReentryLink';
import { RefusedNotice } from '../components/RefusedNotice';
import { SessionHeader } from '../components/SessionHeader';
import { TimerDisplay } from '../components/TimerDisplay';
import { UnsavedPanel } from '../components/UnsavedPanel';
import { PhoneToolbar } from '../components/toolkit/PhoneToolbar';
import { PrivateNotice } from '../components/toolkit/PrivateNotice';
import { SummonBanner } from '../components/toolkit/SummonBanner';
import { exerciseViews } from '../exercises/registry';
import { usePreloadNext } from '../exercises/usePreloadNext';
import { useT } from '../i18n/i18n';
import { clearIdentity, loadIdentity, saveIdentity, type ParticipantIdentity } from '../identity';
import { navigate, tokenFromHash } from '../router';
import { selectRefused, useConnectionStore } from '../store/connectionStore';
import { useControlStore } from '../store/controlStore';
import { useTokenCheck } from '../sync/useTokenCheck';
import { useWorkshop } from '../sync/useWorkshop';
import { useAnnouncements } from './screen/useAnnouncements';

// Only a participant who agreed to an earlier consent text than the current one ever loads it.
const ConsentRenewal = lazy(() => import('../components/ConsentRenewal'));

/** When a phone's identity is missing or no longer valid: say so and offer to join again. */
function NotJoined({ workshopId, revoked }: { workshopId: string; revoked: boolean }) {
  const t = useT();
  return (
    <Page variant="phone">
      <h1>{t('landing.join.title')}</h1>
      <p className="notice notice--error" role="alert" data-testid="participant-not-joined">
        {revoked ? t('participant.revoked') : t('participant.noIdentity')}
      </p>
      <a className="button button--primary button--block" href="/j" onClick={() => clearIdentity(workshopId)}>
        {t('participant.joinAgain')}
      </a>
    </Page>
  );
}

/**
 * A personal re-entry link (`/p/<workshopId>#<token>`, docs/API.md): the token in the fragment is checked with the
 * server and, when it is a participant of this workshop, becomes this browser's identity (on this or another phone).
 * Resolves to the identity to use, or undefined while checking.
 */
function useLinkIdentity(workshopId: string): ParticipantIdentity | null | undefined {
  const [linkToken] = useState(() => (window.location.hash.length > 1 ? tokenFromHash() : ''));
  const [identity, setIdentity] = useState<ParticipantIdentity | null | undefined>(() =>
    linkToken ? undefined : loadIdentity(workshopId),
  );
  useEffect(() => {
    const stored = identity;
    if (linkToken || !stored) return;
    // Merged into another participant by the facilitator (docs/API.md): the token now says who this phone is.
    let live = true;
    api<WhoAmIResponse>('/api/me', { token: stored.token })
      .then((me) => {
        if (!live || me.role !== 'participant' || !me.participantId) return;
        if (me.participantId === stored.participantId) return;
        const merged = { participantId: me.participantId, token: stored.token };
        saveIdentity(workshopId, merged);
        setIdentity(merged);
      })
      .catch(() => undefined); // Offline or revoked: useTokenCheck says which.
    return () => {
      live = false;
    };
    // Once per identity token; a change of participant id alone needs no new check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkToken, workshopId, identity?.token]);
  useEffect(() => {
    if (!linkToken) return;
    let live = true;
    api<WhoAmIResponse>('/api/me', { token: linkToken })
      .then((me) => {
        if (!live) return;
        if (me.workshopId === workshopId && me.role === 'participant' && me.participantId) {
          const adopted = { participantId: me.participantId, token: linkToken };
          saveIdentity(workshopId, adopted);
          setIdentity(adopted);
        } else setIdentity(loadIdentity(workshopId));
      })
      .catch(() => live && setIdentity(loadIdentity(workshopId)))
      .finally(() => live && navigate(`/p/${workshopId}`, { replace: true }));
    return () => {
      live = false;
    };
  }, [linkToken, workshopId]);
  return identity;
}

/** `/p/<workshopId>`: the participant's phone, following whatever session the facilitator runs. */
export function Participant({ workshopId }: { workshopId: string }) {
  const identity = useLinkIdentity(workshopId);
  const check = useTokenCheck(identity?.token ?? null);
  if (identity === undefined) return null;
  if (!identity || check === 'invalid') return <NotJoined workshopId={workshopId} revoked={!!identity} />;
  return <ParticipantBoard workshopId={workshopId} participantId={identity.participantId} token={identity.token} />;
}

/**
 * The facilitator merged this participant into another (docs/API.md): the server closed the command socket for good
 * and this phone's own document is no longer theirs (4403). Whenever the command socket is down or a document is
 * refused, ask the server who the token is now; if someone else, become them (a reload with the new identity).
 */
function useFollowMerge(workshopId: string, participantId: string, token: string, refusedCode: number | null): void {
  const socketState = useConnectionStore((s) => s.socket);
  useEffect(() => {
    if (socketState === 'connected' && refusedCode === null) return;
    let live = true;
    api<WhoAmIResponse>('/api/me', { token })
      .then((me) => {
        if (!live || me.role !== 'participant' || !me.participantId || me.participantId === participantId) return;
        saveIdentity(workshopId, { participantId: me.participantId, token });
        // Only when it was stored: a browser that cannot store it would reload forever.
        if (loadIdentity(workshopId)?.participantId === me.participantId) window.location.reload();
      })
      .catch(() => undefined); // Offline, or a revoked token: the page already says so.
    return () => {
      live = false;
    };
  }, [socketState, refusedCode, workshopId, participantId, token]);
}

function ParticipantBoard({
  workshopId,
  participantId,
  token,
}: {
  workshopId: string;
  participantId: string;
  token: string;
}) {
  const t = useT();
  useWorkshop({ workshopId, token, docs: ['board'], persistBoard: true, ownerId: participantId });
  const control = useControlStore();
  const refused = useConnectionStore(selectRefused);
  useFollowMerge(workshopId, participantId, token, refused?.code ?? null);
  const me = control.participants.find((p) => p.id === participantId);
  const group = control.groups.find((g) => g.id === me?.groupId);
  const session = currentSession(control);
  const state = control.state;
  const Phone = session ? exerciseViews(session.kind).Phone : null;
  usePreloadNext('Phone', control.programme, session);
  const announcement = useAnnouncements(session, state);

  const who = me && (
    <p className="whoami" data-testid="participant-identity">
      <span className="visually-hidden">{t('participant.you', { name: me.name })}</span>
      <span aria-hidden="true">{me.name}</span>
      {group && <span className="whoami__group"> · {group.name}</span>}
    </p>
  );

  return (
    <Page variant="phone" connected headerExtra={who}>
      <RefusedNotice>
        {refused?.code === 4401 ? (
          // The token itself is no longer valid: joining again is the only way in.
          <a className="button" href="/j" onClick={() => clearIdentity(workshopId)}>
            {t('participant.joinAgain')}
          </a>
        ) : (
          // Anything else: this phone still is this participant; joining again would make a second one.
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('participant.reconnect')}
          </button>
        )}
      </RefusedNotice>
      <UnsavedPanel participantId={participantId} groupId={me?.groupId ?? null} />
      {me && control.meta && (me.consentVersion ?? 1) < (control.meta.consentVersion ?? 1) && (
        <Suspense fallback={null}>
          <ConsentRenewal meta={control.meta} />
        </Suspense>
      )}
      {!session || !state ? (
        !refused && <p role="status">{t('participant.waiting')}</p>
      ) : (
        <>
          <SummonBanner />
          <SessionHeader session={session} />
          {timerRunning(state.timer) && <TimerDisplay timer={state.timer} className="timer--phone" />}
          <PrivateNotice />
          {state.locked && (
            <p className="notice notice--warning" role="status" data-testid="input-locked">
              {t('participant.locked')}
            </p>
          )}
          {Phone && (
            <Phone
              session={session}
              participantId={participantId}
              groupId={me?.groupId ?? null}
              locked={state.locked || !me}
            />
          )}
          {me && <PhoneToolbar participantId={participantId} />}
        </>
      )}
      {me && <ReentryLink workshopId={workshopId} token={token} />}
      <div className="visually-hidden" aria-live="polite" data-testid="phone-announcer">
        {announcement}
      </div>
    </Page>
  );
}
