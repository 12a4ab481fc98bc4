import { useState } from 'react';
import { currentSession } from '../../shared/controlDoc';
import { Page } from '../components/Page';
import { RefusedNotice } from '../components/RefusedNotice';
import { SessionHeader } from '../components/SessionHeader';
import { exerciseViews } from '../exercises/registry';
import { useT } from '../i18n/i18n';
import { tokenFromHash } from '../router';
import { selectRefused, useConnectionStore } from '../store/connectionStore';
import { useControlStore } from '../store/controlStore';
import { useWorkshop } from '../sync/useWorkshop';

const ALL = '';

/** `/r/<workshopId>`: follow one group (or all) through the current session, live. */
export function Researcher({ workshopId }: { workshopId: string }) {
  const t = useT();
  const [token] = useState(tokenFromHash);
  const [groupId, setGroupId] = useState(ALL);
  useWorkshop({ workshopId, token, docs: ['board', 'research'] });
  const control = useControlStore();
  const refused = useConnectionStore(selectRefused);
  const research = useConnectionStore((s) => s.docs.research);
  const researchUp = research?.status === 'connected' && research.synced;
  const session = currentSession(control);
  const View = session ? exerciseViews(session.kind).Researcher : null;

  return (
    <Page
      variant="researcher"
      connected
      headerExtra={<span className="topbar__title">{control.meta?.title ?? ''}</span>}
    >
      <RefusedNotice />
      <div className="researcher">
        <div className="researcher__bar">
          <div className="field field--inline">
            <label htmlFor="researcher-group">{t('researcher.group')}</label>
            <select
              id="researcher-group"
              className="input"
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
              data-testid="researcher-group"
            >
              <option value={ALL}>{t('researcher.allGroups')}</option>
              {control.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <p className="researcher__doc" data-testid="research-doc-status" data-connected={researchUp}>
            {t('researcher.researchDoc')}:{' '}
            <strong>{researchUp ? t('researcher.researchConnected') : t('researcher.researchNotConnected')}</strong>
          </p>
        </div>
        {!session ? (
          !refused && <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <SessionHeader session={session} />
            <section className="panel" aria-labelledby="feed-title">
              <h2 id="feed-title">{t('researcher.feed')}</h2>
              {View && <View session={session} groupId={groupId === ALL ? null : groupId} />}
            </section>
            <p className="muted">{t('researcher.comingSoon')}</p>
          </>
        )}
      </div>
    </Page>
  );
}
