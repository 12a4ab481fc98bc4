import { useState } from 'react';
import { NOTE } from '../../shared/exercises/noteWall/kind';
import { useT } from '../i18n/i18n';
import { useControlStore } from '../store/controlStore';
import { postNote } from '../sync/boardActions';
import { dropUnsaved, useUnsavedStore, type UnsavedEntry } from '../sync/unsaved';

/**
 * What this phone wrote that the server refused or never confirmed (docs/SECURITY.md, "Refusal"), kept in
 * localStorage until the person copies, retries or throws it away. Notes can be posted again as a new note;
 * other kinds can be copied.
 */
export function UnsavedPanel({ participantId, groupId }: { participantId: string; groupId: string | null }) {
  const t = useT();
  const { workshopId, entries } = useUnsavedStore();
  if (!workshopId || entries.length === 0) return null;
  return (
    <section className="notice notice--warning unsaved" aria-labelledby="unsaved-title" data-testid="unsaved-panel">
      <h2 id="unsaved-title">{t('unsaved.title')}</h2>
      <p>{entries.length === 1 ? t('unsaved.introOne') : t('unsaved.intro', { count: entries.length })}</p>
      <ul className="unsaved__list">
        {entries.map((e) => (
          <UnsavedRow key={e.id} entry={e} workshopId={workshopId} participantId={participantId} groupId={groupId} />
        ))}
      </ul>
    </section>
  );
}

function UnsavedRow({
  entry,
  workshopId,
  participantId,
  groupId,
}: {
  entry: UnsavedEntry;
  workshopId: string;
  participantId: string;
  groupId: string | null;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  const sessionId = useControlStore((s) => s.state?.currentSessionId ?? null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(entry.text);
      setCopied(true);
    } catch {
      // The text stays selectable on screen.
    }
  };
  const retry = () => {
    const target = entry.sessionId ?? sessionId;
    const r = target ? postNote({ sessionId: target, groupId, authorId: participantId, text: entry.text }) : null;
    if (r?.ok) dropUnsaved(workshopId, entry.id);
    else setFailed(true);
  };
  return (
    <li className="unsaved__item" data-testid="unsaved-item" data-kind={entry.kind}>
      <p className="unsaved__text" data-testid="unsaved-text">
        {entry.text}
      </p>
      <div className="unsaved__actions">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('unsaved.copy')}
        </button>
        {entry.kind === NOTE && (
          <button type="button" className="button button--small" data-testid="unsaved-retry" onClick={retry}>
            {t('unsaved.retry')}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          data-testid="unsaved-discard"
          onClick={() => dropUnsaved(workshopId, entry.id)}
        >
          {t('unsaved.discard')}
        </button>
      </div>
      {failed && (
        <p className="muted" role="status">
          {t('unsaved.retryFailed')}
        </p>
      )}
    </li>
  );
}
