import { useEffect, useId, useState } from 'react';
import { create } from 'zustand';
import type { Item } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../i18n/i18n';
import { errorText } from '../i18n/errors';
import { createItem, deleteItem, patchItem } from '../sync/itemWrites';

/** Fields every item has; the rest are the kind's own fields, kept to re-create a deleted item. */
const BASE = new Set(['id', 'kind', 'sessionId', 'groupId', 'authorId', 'createdAt', 'updatedAt']);

/** How long a deleted item can be brought back, in milliseconds. */
export const UNDO_MS = 8000;

interface Deleted {
  item: Item;
  at: number;
}

/** The item deleted last on this page (one at a time, like a phone's "undo" bar). */
const useDeletedStore = create<{ deleted: Deleted | null }>(() => ({ deleted: null }));

/** Re-creates a deleted item with its id, creation time and own fields (through the one write path). */
function restore(d: Deleted): boolean {
  const { item } = d;
  const fields = Object.fromEntries(Object.entries(item).filter(([k, v]) => !BASE.has(k) && v !== undefined));
  const res = createItem(
    {
      kind: item.kind,
      sessionId: item.sessionId,
      groupId: item.groupId,
      authorId: item.authorId ?? '',
      id: item.id,
      createdAt: item.createdAt,
    },
    fields,
  );
  // A merge stays as it was (createItem keeps `mergedInto`); a hidden item is never offered an undo.
  return res.ok;
}

export interface EditableField {
  key: string;
  label: string;
  max?: number;
  /** A one-line field (a name) instead of a text area. */
  short?: boolean;
}

/**
 * Edit and delete buttons for one of the participant's own items (a note, a strength, a tree note, a consult text…),
 * the same on every exercise's phone view. Editing opens the text in place with the limits of creating it; deleting
 * asks "Weet je het zeker?" and can be undone for a few seconds through `<DeletedItemUndo />`. Writes go through
 * `client/sync/itemWrites.ts`, so the server's ownership rule applies (only the author may change or delete).
 */
export function OwnItemActions({
  item,
  locked,
  fields,
  what,
}: {
  item: Item;
  locked?: boolean;
  /** Fields that can be edited; the item's `text` when not given; none (`[]`): delete only (a photo). */
  fields?: EditableField[];
  /** A short description for screen readers ("Bewerk: …"); the text by default. */
  what?: string;
}) {
  const t = useT();
  const uid = useId();
  const editable: EditableField[] = fields ?? [{ key: 'text', label: t('own.textLabel'), max: LIMITS.itemText }];
  const [mode, setMode] = useState<'idle' | 'edit' | 'confirm'>('idle');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const label = what ?? String(item[editable[0]?.key ?? 'text'] ?? '');

  const startEdit = () => {
    setValues(Object.fromEntries(editable.map((f) => [f.key, String(item[f.key] ?? '')])));
    setError(null);
    setMode('edit');
  };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    for (const f of editable) {
      const v = values[f.key] ?? '';
      if (!v.trim()) return setError(t('own.empty'));
      if (f.max !== undefined && v.length > f.max) return setError(t('own.tooLong', { max: f.max }));
    }
    const res = patchItem(item.id, values);
    if (!res.ok) return setError(errorText(t, res.reason));
    setMode('idle');
  };
  const remove = () => {
    const res = deleteItem(item.id);
    if (!res.ok) return setError(errorText(t, res.reason));
    useDeletedStore.setState({ deleted: { item, at: Date.now() } });
    setMode('idle');
  };

  if (mode === 'edit')
    return (
      <form className="own-actions own-actions--edit" onSubmit={save} noValidate data-testid="own-edit-form">
        {editable.map((f) => {
          const v = values[f.key] ?? '';
          const over = f.max !== undefined && v.length > f.max;
          const id = `${uid}-${f.key}`;
          const props = {
            id,
            className: 'input',
            value: v,
            'aria-invalid': over,
            onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
              setValues({ ...values, [f.key]: e.target.value });
              setError(null);
            },
            'data-testid': `own-edit-${f.key}`,
          };
          return (
            <div key={f.key} className="own-actions__field">
              <label htmlFor={id}>{f.label}</label>
              {f.short ? <input {...props} /> : <textarea {...props} rows={3} />}
              {f.max !== undefined && (
                <span className={over ? 'field__error' : 'muted'}>
                  {t('notes.chars', { count: v.length, max: f.max })}
                </span>
              )}
            </div>
          );
        })}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary button--small" data-testid="own-save">
            {t('own.save')}
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('idle')}>
            {t('own.cancel')}
          </button>
        </div>
      </form>
    );

  return (
    <div className="own-actions">
      {mode === 'confirm' ? (
        <div className="own-actions__confirm" role="group" aria-label={t('own.confirm')}>
          <p>{t('own.confirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger button--small"
              onClick={remove}
              data-testid="own-delete-yes"
            >
              {t('own.confirmYes')}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('idle')}>
              {t('own.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          {editable.length > 0 && (
            <button
              type="button"
              className="button button--small"
              disabled={locked}
              onClick={startEdit}
              aria-label={t('own.editLabel', { text: label })}
              data-testid="own-edit"
            >
              {t('own.edit')}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={locked}
            onClick={() => setMode('confirm')}
            aria-label={t('own.deleteLabel', { text: label })}
            data-testid="own-delete"
          >
            {t('own.delete')}
          </button>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Verwijderd — Ongedaan maken" for a few seconds after one of your items was deleted; one per phone view. */
export function DeletedItemUndo() {
  const t = useT();
  const deleted = useDeletedStore((s) => s.deleted);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!deleted) return;
    setFailed(false);
    const timer = window.setTimeout(
      () => useDeletedStore.setState((s) => (s.deleted === deleted ? { deleted: null } : s)),
      Math.max(0, deleted.at + UNDO_MS - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [deleted]);
  return (
    <div className="own-undo" role="status" aria-live="polite">
      {deleted && (
        <div className="own-undo__bar" data-testid="own-undo-bar">
          <span>{failed ? t('own.undoFailed') : t('own.deleted')}</span>
          {/* What the facilitator hid cannot come back through an undo (the server refuses a participant's hidden
              item), so a hidden item's deletion is final. */}
          {!deleted.item.hidden && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                if (restore(deleted)) useDeletedStore.setState({ deleted: null });
                else setFailed(true);
              }}
              data-testid="own-undo"
            >
              {t('own.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
