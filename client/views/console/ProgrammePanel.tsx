import { useState } from 'react';
import type { Session } from '../../../shared/programme';
import { localise, useLang, useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';
import { ProgrammeEditor } from './ProgrammeEditor';

/** The programme by day; the current session is marked, any other is one click away. */
export function ProgrammePanel({ programme, currentId }: { programme: Session[]; currentId: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const days = [1, 2] as const;
  const index = programme.findIndex((s) => s.id === currentId);
  const [editing, setEditing] = useState(false);
  return (
    <nav className="panel programme" aria-labelledby="programme-title">
      <h2 id="programme-title">{t('console.programme')}</h2>
      <div className="programme__steps">
        <button
          type="button"
          className="button"
          disabled={index <= 0}
          onClick={() => void runCommand({ type: 'session.previous' })}
          data-testid="session-previous"
        >
          ← {t('console.previous')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={index < 0 || index >= programme.length - 1}
          onClick={() => void runCommand({ type: 'session.next' })}
          data-testid="session-next"
        >
          {t('console.next')} →
        </button>
      </div>
      <button
        type="button"
        className="button button--small"
        aria-pressed={editing}
        onClick={() => setEditing(!editing)}
        data-testid="programme-edit-toggle"
      >
        {editing ? t('console.doneEditing') : t('console.editProgramme')}
      </button>
      {editing && <ProgrammeEditor programme={programme} currentId={currentId} />}
      {!editing &&
        days.map((day) => {
          const sessions = programme.filter((s) => s.day === day);
          if (sessions.length === 0) return null;
          return (
            <div key={day} className="programme__day">
              <h3>{t('common.day', { day })}</h3>
              <ol className="programme__list">
                {sessions.map((s) => {
                  const current = s.id === currentId;
                  return (
                    <li key={s.id}>
                      <button
                        type="button"
                        className={`programme__item ${current ? 'programme__item--current' : ''}`}
                        aria-current={current ? 'step' : undefined}
                        onClick={() => !current && void runCommand({ type: 'session.goto', sessionId: s.id })}
                        data-testid="programme-item"
                        data-session-id={s.id}
                      >
                        <span className="programme__title">
                          {!current && <span className="visually-hidden">{t('console.gotoPrefix')}</span>}{' '}
                          {localise(s.title, lang)}
                        </span>
                        <span className="programme__minutes">{s.plannedMinutes}′</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </div>
          );
        })}
    </nav>
  );
}
