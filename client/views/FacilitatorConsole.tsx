import '../i18n/staff';
import { useState } from 'react';
import { currentSession } from '../../shared/controlDoc';
import { Page } from '../components/Page';
import { RefusedNotice } from '../components/RefusedNotice';
import { SessionHeader } from '../components/SessionHeader';
import { exerciseViews } from '../exercises/registry';
import { usePreloadNext } from '../exercises/usePreloadNext';
import { useT } from '../i18n/i18n';
import { tokenFromHash } from '../router';
import { selectRefused, useConnectionStore } from '../store/connectionStore';
import { useControlStore } from '../store/controlStore';
import { useWorkshop } from '../sync/useWorkshop';
import { CommandError } from './console/CommandError';
import { ControlsPanel } from './console/ControlsPanel';
import { LinksPanel } from './console/LinksPanel';
import { ParticipantsPanel } from './console/ParticipantsPanel';
import { ProgrammePanel } from './console/ProgrammePanel';
import { ScreenPanel } from './console/ScreenPanel';
import { SettingsPanel } from './console/SettingsPanel';
import { ToolkitPanel } from './console/ToolkitPanel';
import { useAnnouncements } from './screen/useAnnouncements';

/** `/f/<workshopId>`: the facilitator drives the programme; every button is a command the server validates. */
export function FacilitatorConsole({ workshopId }: { workshopId: string }) {
  const t = useT();
  const [token] = useState(tokenFromHash);
  useWorkshop({ workshopId, token, docs: ['board', 'research'] });
  const control = useControlStore();
  const refused = useConnectionStore(selectRefused);
  const session = currentSession(control);
  const Console = session ? exerciseViews(session.kind).Console : null;
  usePreloadNext('Console', control.programme, session);
  const announcement = useAnnouncements(session, control.state);

  return (
    <Page variant="console" connected headerExtra={<span className="topbar__title">{control.meta?.title ?? ''}</span>}>
      <RefusedNotice />
      <CommandError />
      {!control.loaded || !control.state || !control.meta ? (
        !refused && <p role="status">{t('common.loading')}</p>
      ) : (
        <div className="console">
          <ProgrammePanel programme={control.programme} currentId={session?.id} />
          <div className="console__centre">
            {session && (
              <section className="panel" aria-labelledby="session-title-console">
                <div id="session-title-console">
                  <SessionHeader session={session} />
                </div>
              </section>
            )}
            {session && <ControlsPanel session={session} state={control.state} meta={control.meta} />}
            {session && (
              <ToolkitPanel
                session={session}
                state={control.state}
                groups={control.groups}
                participants={control.participants}
              />
            )}
            {session && Console && (
              <section className="panel" aria-labelledby="content-title">
                <h2 id="content-title">{t('console.content')}</h2>
                <Console session={session} spotlightItemId={control.state.spotlightItemId} />
              </section>
            )}
          </div>
          <div className="console__side">
            {session && <ScreenPanel state={control.state} groups={control.groups} />}
            <ParticipantsPanel
              groups={control.groups}
              participants={control.participants}
              access={{ workshopId, token }}
            />
            <LinksPanel workshopId={workshopId} token={token} />
            <SettingsPanel meta={control.meta} participants={control.participants} />
          </div>
        </div>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="console-announcer">
        {announcement}
      </div>
    </Page>
  );
}
