import { localise, useLang } from '../../i18n/i18n';
import type { ResearcherProps } from '../types';
import { Distribution } from './Distribution';
import { usePrejudiceT } from './i18n';
import { NotesPanel } from './NotesPanel';
import { usePrejudice } from './usePrejudice';
import './prejudice.css';

/** Researchers see every statement's distribution live (answers carry no author) and keep discussion notes. */
export function PrejudiceResearcher({ session }: ResearcherProps) {
  const lang = useLang();
  const t = usePrejudiceT();
  const { statements, current, tally, notes } = usePrejudice(session.id);
  const ordered = current ? [current, ...statements.filter((s) => s.id !== current.id)] : statements;
  return (
    <div className="prejudice-researcher">
      {ordered.map((s) => (
        <section key={s.id} className="panel" data-testid="researcher-statement" data-statement-id={s.id}>
          <h3>
            {current?.id === s.id && `${t('showing')}: `}
            {localise(s.text, lang)}
          </h3>
          <p className="muted">{t('sourceLine', { source: s.source })}</p>
          <Distribution dist={tally(s.id)} />
          <NotesPanel sessionId={session.id} statementId={s.id} authorId="researcher" notes={notes(s.id)} />
        </section>
      ))}
    </div>
  );
}
