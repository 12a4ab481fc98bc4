import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { newId } from '../../../shared/ids';
import type { Session } from '../../../shared/programme';
import { localise, useLang, useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';

/**
 * Edits the programme in place: rename, re-time, move up or down, remove (not the current session; the server
 * refuses one with contributions), and add a session. Every change is one `programme.set` the server validates.
 */
export function ProgrammeEditor({ programme, currentId }: { programme: Session[]; currentId: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const addId = useId();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [day, setDay] = useState<1 | 2>(programme.find((s) => s.id === currentId)?.day ?? 1);
  // Edits in quick succession (a blur, then a click) build on what was last sent, not on a programme not yet back.
  const sent = useRef<Session[] | null>(null);
  useEffect(() => {
    sent.current = null;
  }, [programme]);
  const base = () => sent.current ?? programme;
  const save = (next: Session[]) => {
    sent.current = next;
    return runCommand({ type: 'programme.set', programme: next });
  };
  const patch = (id: string, change: Partial<Session>) =>
    save(base().map((s) => (s.id === id ? { ...s, ...change } : s)));
  const move = (i: number, delta: -1 | 1) => {
    const j = i + delta;
    const list = base();
    const a = list[i];
    const b = list[j];
    if (!a || !b) return;
    const next = [...list];
    // Crossing into the other day takes that day.
    next[i] = b;
    next[j] = { ...a, day: b.day };
    void save(next);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = title.trim();
    const m = Math.round(Number(minutes));
    if (!name || !(m >= 1 && m <= 600)) return;
    const text = { nl: name, en: name };
    const session: Session = {
      id: newId('s'),
      day,
      title: text,
      prompt: text,
      kind: 'noteWall',
      grouping: 'plenary',
      plannedMinutes: m,
      optional: false,
      settings: {},
    };
    const list = base();
    const lastOfDay = list.map((s) => s.day).lastIndexOf(day);
    const at = lastOfDay < 0 ? (day === 1 ? 0 : list.length) : lastOfDay + 1;
    void save([...list.slice(0, at), session, ...list.slice(at)]).then((ok) => ok && setTitle(''));
  };
  return (
    <div className="programme-editor" data-testid="programme-editor">
      <ol className="programme__list">
        {programme.map((s, i) => {
          const name = localise(s.title, lang);
          return (
            <li key={s.id} className="programme-editor__row" data-testid="programme-edit-row" data-session-id={s.id}>
              <input
                className="input input--small"
                aria-label={t('console.editTitle', { title: name })}
                defaultValue={name}
                maxLength={120}
                onBlur={(e) => {
                  const v = e.target.value.trim();
                  if (v && v !== name) void patch(s.id, { title: { ...s.title, [lang]: v } });
                }}
                data-testid="programme-edit-title"
              />
              <input
                className="input input--small programme-editor__minutes"
                type="number"
                min={1}
                max={600}
                aria-label={t('console.editMinutes', { title: name })}
                defaultValue={s.plannedMinutes}
                onBlur={(e) => {
                  const m = Math.round(Number(e.target.value));
                  if (m >= 1 && m <= 600 && m !== s.plannedMinutes) void patch(s.id, { plannedMinutes: m });
                }}
                data-testid="programme-edit-minutes"
              />
              <button
                type="button"
                className="button button--small"
                disabled={i === 0}
                aria-label={t('console.moveUp', { title: name })}
                onClick={() => move(i, -1)}
                data-testid="programme-move-up"
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={i === programme.length - 1}
                aria-label={t('console.moveDown', { title: name })}
                onClick={() => move(i, 1)}
                data-testid="programme-move-down"
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={s.id === currentId || programme.length <= 1}
                aria-label={t('console.removeSession', { title: name })}
                onClick={() => {
                  if (window.confirm(t('console.removeSessionConfirm', { title: name })))
                    void save(base().filter((x) => x.id !== s.id));
                }}
                data-testid="programme-remove"
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <form className="programme-editor__add" onSubmit={add}>
        <label htmlFor={addId}>{t('console.newSession')}</label>
        <input
          id={addId}
          className="input input--small"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="programme-add-title"
        />
        <input
          className="input input--small programme-editor__minutes"
          type="number"
          min={1}
          max={600}
          aria-label={t('console.newSessionMinutes')}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="programme-add-minutes"
        />
        <select
          className="input input--small"
          aria-label={t('console.newSessionDay')}
          value={day}
          onChange={(e) => setDay(Number(e.target.value) === 2 ? 2 : 1)}
        >
          <option value={1}>{t('common.day', { day: 1 })}</option>
          <option value={2}>{t('common.day', { day: 2 })}</option>
        </select>
        <button type="submit" className="button button--small" disabled={!title.trim()} data-testid="programme-add">
          {t('console.addSession')}
        </button>
      </form>
    </div>
  );
}
