import '../i18n/staff';
import { useRef, useState } from 'react';
import { currentSession } from '../../shared/controlDoc';
import { workGroupsOf } from '../../shared/research/workGroups';
import { Page } from '../components/Page';
import { RefusedNotice } from '../components/RefusedNotice';
import { SessionHeader } from '../components/SessionHeader';
import { exerciseViews } from '../exercises/registry';
import { usePreloadNext } from '../exercises/usePreloadNext';
import { localise, useLang, useT } from '../i18n/i18n';
import { PartBoundary } from '../components/PartBoundary';
import { DamagedNotice } from '../research/DamagedNotice';
import { ExportPanel } from '../research/ExportPanel';
import { ItemFeed, useFeedItems } from '../research/ItemFeed';
import { ObservationComposer } from '../research/ObservationComposer';
import { ObservationList } from '../research/ObservationList';
import { SessionSummary } from '../research/SessionSummary';
import { Timeline } from '../research/Timeline';
import { useResearchT } from '../research/i18n';
import { useResearchDoc } from '../research/useResearchDoc';
import { useResearcherName } from '../research/useResearcherName';
import '../research/research.css';
import { tokenFromHash } from '../router';
import { selectRefused, useConnectionStore } from '../store/connectionStore';
import { useControlStore } from '../store/controlStore';
import { useWorkshop } from '../sync/useWorkshop';
import { groupOfResearcher } from '../../shared/exercises/dayTwo/workspace';
import { useAssignedResearchers } from '../exercises/dayTwo/useWorkspace';

const ALL = '';
const FOLLOW = '';

/** `/r/<workshopId>`: follow a group through a session live, take coded observations, replay and export the record. */
export function Researcher({ workshopId }: { workshopId: string }) {
  const t = useT();
  const rt = useResearchT();
  const lang = useLang();
  const [token] = useState(tokenFromHash);
  // null until the researcher picks a group: then the cooperation the facilitator assigned them to, else all.
  const [pickedGroup, setGroupId] = useState<string | null>(null);
  const [sessionChoice, setSessionChoice] = useState(FOLLOW);
  const [researcherName, setResearcherName] = useResearcherName();
  const nameRef = useRef<HTMLInputElement>(null);
  const assignedGroup = groupOfResearcher(useAssignedResearchers(), researcherName);
  const groupId = pickedGroup ?? assignedGroup ?? ALL;
  useWorkshop({ workshopId, token, docs: ['board'] });
  useResearchDoc(workshopId, token);
  const control = useControlStore();
  const refused = useConnectionStore(selectRefused);
  const research = useConnectionStore((s) => s.docs.research);
  const researchUp = research?.status === 'connected' && research.synced;
  const live = currentSession(control);
  const session = sessionChoice === FOLLOW ? live : control.programme.find((s) => s.id === sessionChoice);
  const group = groupId === ALL ? null : groupId;
  const View = session ? exerciseViews(session.kind).Researcher : null;
  usePreloadNext('Researcher', control.programme, session);
  const items = useFeedItems(session?.id ?? '', group);
  // Groups the session's exercise formed (mixed groups, consult pairs) can be followed too; their members speak.
  const workGroups = workGroupsOf(session ? control.exercises[session.id] : undefined).filter(
    (g) => !control.groups.some((c) => c.id === g.id),
  );
  const workGroup = workGroups.find((g) => g.id === group);
  const members = control.participants.filter((p) =>
    workGroup ? workGroup.members.includes(p.id) : group === null || p.groupId === group,
  );

  return (
    <Page
      variant="researcher"
      connected
      headerExtra={<span className="topbar__title">{control.meta?.title ?? ''}</span>}
    >
      <RefusedNotice />
      <PartBoundary>
        <DamagedNotice />
      </PartBoundary>
      <div className="researcher">
        <div className="researcher__bar">
          <div className="field field--inline">
            <label htmlFor="researcher-name">{rt('yourName')}</label>
            <input
              id="researcher-name"
              ref={nameRef}
              className="input"
              value={researcherName}
              maxLength={60}
              autoComplete="name"
              aria-describedby="researcher-name-hint"
              onChange={(e) => setResearcherName(e.target.value)}
              data-testid="console-researcher-name"
            />
            <span id="researcher-name-hint" className="field__hint">
              {rt('yourNameHint')}
            </span>
          </div>
          <div className="field field--inline">
            <label htmlFor="researcher-group">{rt('group')}</label>
            <select
              id="researcher-group"
              className="input"
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
              data-testid="researcher-group"
            >
              <option value={ALL}>{rt('allGroups')}</option>
              {control.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              {workGroups.length > 0 && (
                <optgroup label={rt('workGroups')}>
                  {workGroups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor="researcher-session">{rt('session')}</label>
            <select
              id="researcher-session"
              className="input"
              value={sessionChoice}
              onChange={(e) => setSessionChoice(e.target.value)}
              data-testid="researcher-session"
            >
              <option value={FOLLOW}>{rt('follow', { title: live ? localise(live.title, lang) : '…' })}</option>
              {control.programme.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${s.day} · ${localise(s.title, lang)}`}
                </option>
              ))}
            </select>
          </div>
          <p className="researcher__doc" data-testid="research-doc-status" data-connected={researchUp}>
            {rt('researchDoc')}: <strong>{researchUp ? rt('connected') : rt('notConnectedShort')}</strong>
          </p>
        </div>
        {!session ? (
          !refused && <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <SessionHeader session={session} />
            <div className="research-grid">
              <div>
                <section className="panel" aria-labelledby="feed-title">
                  <h2 id="feed-title">{rt('feed')}</h2>
                  <PartBoundary>
                    <ItemFeed items={items} workshopId={workshopId} token={token} />
                  </PartBoundary>
                </section>
                {View && (
                  <details className="panel" open>
                    <summary>{rt('exerciseView')}</summary>
                    <View session={session} groupId={group} />
                  </details>
                )}
              </div>
              <div>
                <ObservationComposer
                  sessionId={session.id}
                  groupId={group}
                  members={members}
                  researcherName={researcherName}
                  newestItemId={items[0]?.id ?? null}
                  onNeedName={() => nameRef.current?.focus()}
                />
                <PartBoundary>
                  <ObservationList sessionId={session.id} groupId={group} researcherName={researcherName} />
                </PartBoundary>
              </div>
              <div>
                <PartBoundary>
                  <SessionSummary sessionId={session.id} />
                </PartBoundary>
                <PartBoundary>
                  <Timeline workshopId={workshopId} token={token} groupId={group} />
                </PartBoundary>
                <ExportPanel workshopId={workshopId} token={token} />
              </div>
            </div>
          </>
        )}
      </div>
    </Page>
  );
}
