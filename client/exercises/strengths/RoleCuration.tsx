import { useState } from 'react';
import { curateRoles, type CuratedRole } from '../../../shared/exercises/strengths/catalogue';
import type { Item } from '../../../shared/boardDoc';
import type { StrengthsState } from '../../../shared/exercises/strengths';
import { localise, useLang } from '../../i18n/i18n';
import { runExerciseAction } from '../useExercise';
import { useStrengthsT } from './i18n';

function RoleRow({ role, sessionId, all }: { role: CuratedRole; sessionId: string; all: CuratedRole[] }) {
  const t = useStrengthsT();
  const lang = useLang();
  const [name, setName] = useState('');
  const label = localise(role.name, lang);
  const targets = all.filter((r) => r.id !== role.id && !r.mergedInto && r.accepted);
  return (
    <li
      className={`console-note ${role.mergedInto ? 'console-note--hidden' : ''}`}
      data-testid={role.proposed ? 'console-role-proposal' : 'console-source-role'}
      data-role-id={role.id}
      data-accepted={role.accepted ? 'true' : 'false'}
    >
      <p className="console-note__text">
        <strong>{label}</strong> ({role.side === 'formal' ? t('formal') : t('informal')}) —{' '}
        {localise(role.description, lang)}
      </p>
      <p className="console-note__meta">
        {role.proposed && (role.accepted ? t('accepted') : t('pending'))}
        {role.mergedInto &&
          ` · ${t('mergedInto', { name: localise(all.find((r) => r.id === role.mergedInto)?.name, lang) })}`}
        {role.mergedFrom.length > 0 &&
          ` · ${t('mergedFrom', { names: role.mergedFrom.map((id) => localise(all.find((r) => r.id === id)?.name, lang)).join(', ') })}`}
      </p>
      <div className="console-note__actions">
        {role.proposed && (
          <button
            type="button"
            className="button button--small"
            aria-pressed={role.accepted}
            onClick={() =>
              void runExerciseAction(sessionId, 'role.accept', { roleId: role.id, accepted: !role.accepted })
            }
            data-testid="role-accept"
          >
            {role.accepted ? t('unaccept') : t('accept')}
          </button>
        )}
        <input
          className="input input--small"
          aria-label={t('newName', { name: label })}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          data-testid="role-rename-input"
        />
        <button
          type="button"
          className="button button--small"
          disabled={!name.trim()}
          onClick={() =>
            void runExerciseAction(sessionId, 'role.rename', { roleId: role.id, name }).then((ok) => ok && setName(''))
          }
          data-testid="role-rename"
        >
          {t('rename')}
        </button>
        <select
          className="input input--small"
          aria-label={t('mergeIntoLabel', { name: label })}
          value={role.mergedInto ?? ''}
          onChange={(e) =>
            void runExerciseAction(sessionId, 'role.merge', { roleId: role.id, intoId: e.target.value || null })
          }
          data-testid="role-merge"
        >
          <option value="">{t('noMerge')}</option>
          {targets.map((r) => (
            <option key={r.id} value={r.id}>
              {localise(r.name, lang)}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}

/** The facilitator curates the catalogue: accept proposals, rename and merge any role. */
export function RoleCuration({
  sessionId,
  items,
  state,
}: {
  sessionId: string;
  items: readonly Item[];
  state: StrengthsState;
}) {
  const t = useStrengthsT();
  const roles = curateRoles(items, state, sessionId);
  const proposed = roles.filter((r) => r.proposed);
  const source = roles.filter((r) => !r.proposed);
  return (
    <div className="role-curation">
      <h3>{t('proposedRoles')}</h3>
      {proposed.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="console-notes">
          {proposed.map((r) => (
            <RoleRow key={r.id} role={r} sessionId={sessionId} all={roles} />
          ))}
        </ul>
      )}
      <details>
        <summary>{t('sourceRoles')}</summary>
        <ul className="console-notes">
          {source.map((r) => (
            <RoleRow key={r.id} role={r} sessionId={sessionId} all={roles} />
          ))}
        </ul>
      </details>
    </div>
  );
}
