import { useId, useState, type FormEvent } from 'react';
import type { Group, ParticipantInfo } from '../../../shared/controlDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { useLiveStore } from '../../store/liveStore';
import { runCommand } from '../../sync/commands';
import { InlineRename } from './InlineRename';
import { ParticipantPrivacy } from './ParticipantPrivacy';
import { ParticipantReentry } from './ParticipantReentry';

interface Access {
  workshopId: string;
  token: string;
}

function ParticipantRow({
  p,
  groups,
  online,
  access,
  everyone,
}: {
  p: ParticipantInfo;
  groups: Group[];
  online: boolean;
  access: Access;
  everyone: ParticipantInfo[];
}) {
  const t = useT();
  const selectId = useId();
  return (
    <li className="person" data-testid="participant-row" data-participant-id={p.id} data-online={online}>
      <span className={`presence presence--${online ? 'on' : 'off'}`} aria-hidden="true" />
      <span className="person__name">{p.name}</span>
      <span className="person__meta">
        {t(p.side === 'formal' ? 'console.formal' : 'console.informal')} ·{' '}
        {online ? t('console.online') : t('console.offline')}
      </span>
      <span className="person__actions">
        <label htmlFor={selectId} className="visually-hidden">
          {t('console.moveTo', { name: p.name })}
        </label>
        <select
          id={selectId}
          className="input input--small"
          value={p.groupId}
          onChange={(e) => void runCommand({ type: 'participant.move', participantId: p.id, groupId: e.target.value })}
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <InlineRename
          current={p.name}
          subject={p.name}
          label={t('console.renameLabel', { name: p.name })}
          maxLength={LIMITS.name}
          onSave={(name) => runCommand({ type: 'participant.rename', participantId: p.id, name })}
        />
      </span>
      <ParticipantReentry
        workshopId={access.workshopId}
        token={access.token}
        participant={p}
        others={everyone.filter((o) => o.id !== p.id)}
      />
      <ParticipantPrivacy workshopId={access.workshopId} token={access.token} participant={p} />
    </li>
  );
}

function AddGroup() {
  const t = useT();
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && (await runCommand({ type: 'group.add', name: name.trim() }))) setName('');
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="new-group" className="visually-hidden">
        {t('console.newGroupName')}
      </label>
      <input
        id="new-group"
        className="input input--small"
        value={name}
        maxLength={LIMITS.title}
        placeholder={t('console.newGroupName')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button button--small">
        {t('console.addGroup')}
      </button>
    </form>
  );
}

/**
 * Who is here, per cooperation and online or not; move and rename people, revoke access or erase someone, add and
 * rename groups.
 */
export function ParticipantsPanel({
  groups,
  participants,
  access,
}: {
  groups: Group[];
  participants: ParticipantInfo[];
  /** The console's workshop and facilitator token, for revoking access and erasing (REST calls). */
  access: Access;
}) {
  const t = useT();
  const online = new Set(useLiveStore((s) => s.online));
  const onlineCount = participants.filter((p) => online.has(p.id)).length;
  return (
    <section className="panel participants" aria-labelledby="participants-title" data-testid="participants-panel">
      <h2 id="participants-title">{t('console.participants')}</h2>
      <p className="muted">{t('console.onlineCount', { online: onlineCount, total: participants.length })}</p>
      {groups.map((g) => {
        const members = participants.filter((p) => p.groupId === g.id);
        return (
          <div key={g.id} className="group" data-testid="group" data-group-id={g.id}>
            <div className="group__head">
              <h3>
                {g.name} <span className="muted">({members.length})</span>
              </h3>
              <InlineRename
                current={g.name}
                subject={g.name}
                label={t('console.renameGroup', { name: g.name })}
                maxLength={LIMITS.title}
                onSave={(name) => runCommand({ type: 'group.rename', groupId: g.id, name })}
              />
            </div>
            {members.length === 0 ? (
              <p className="muted">{t('console.noParticipants')}</p>
            ) : (
              <ul className="people">
                {members.map((p) => (
                  <ParticipantRow
                    key={p.id}
                    p={p}
                    groups={groups}
                    online={online.has(p.id)}
                    access={access}
                    everyone={participants}
                  />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <AddGroup />
    </section>
  );
}
