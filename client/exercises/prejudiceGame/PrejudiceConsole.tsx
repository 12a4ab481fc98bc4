import { useState, type FormEvent } from 'react';
import { localise, useLang } from '../../i18n/i18n';
import type { ConsoleProps } from '../types';
import { runExerciseAction } from '../useExercise';
import { usePrejudiceT } from './i18n';
import { NotesPanel } from './NotesPanel';
import { usePrejudice } from './usePrejudice';
import './prejudice.css';

const total = (d: { formal: number[]; informal: number[] }) => [...d.formal, ...d.informal].reduce((a, b) => a + b, 0);

/** Every statement: put one on the screen, reveal its distribution, keep discussion notes; add statements. */
export function PrejudiceConsole({ session }: ConsoleProps) {
  const t = usePrejudiceT();
  const lang = useLang();
  const { statements, current, revealed, tally, notes } = usePrejudice(session.id);
  const [text, setText] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await runExerciseAction(session.id, 'statement.add', { text })) setText('');
  };
  return (
    <div className="prejudice-console">
      <button
        type="button"
        className="button button--small"
        disabled={!current}
        onClick={() => void runExerciseAction(session.id, 'statement.show', { statementId: null })}
      >
        {t('offScreen')}
      </button>
      <ol className="console-notes">
        {statements.map((s) => {
          const on = current?.id === s.id;
          const open = revealed.has(s.id);
          return (
            <li
              key={s.id}
              className={`console-note ${on ? 'console-note--spotlit' : ''}`}
              data-testid="console-statement"
              data-statement-id={s.id}
            >
              <p className="console-note__text">{localise(s.text, lang)}</p>
              <p className="console-note__meta">
                {t('answers', { count: total(tally(s.id)) })} · {t('sourceLine', { source: s.source })}
              </p>
              <div className="console-note__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-pressed={on}
                  onClick={() => void runExerciseAction(session.id, 'statement.show', { statementId: s.id })}
                  data-testid="statement-show"
                >
                  {on ? t('showing') : t('show')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-pressed={open}
                  onClick={() =>
                    void runExerciseAction(session.id, 'statement.reveal', { statementId: s.id, revealed: !open })
                  }
                  data-testid="statement-reveal"
                >
                  {open ? t('hideDistribution') : t('reveal')}
                </button>
              </div>
              {on && (
                <NotesPanel sessionId={session.id} statementId={s.id} authorId="facilitator" notes={notes(s.id)} />
              )}
            </li>
          );
        })}
      </ol>
      <form className="button-row" onSubmit={(e) => void add(e)}>
        <label htmlFor="statement-new" className="visually-hidden">
          {t('addStatement')}
        </label>
        <input
          id="statement-new"
          className="input"
          maxLength={300}
          value={text}
          placeholder={t('addStatement')}
          onChange={(e) => setText(e.target.value)}
          data-testid="statement-new"
        />
        <button type="submit" className="button" disabled={text.trim().length < 3} data-testid="statement-add">
          {t('add')}
        </button>
      </form>
    </div>
  );
}
