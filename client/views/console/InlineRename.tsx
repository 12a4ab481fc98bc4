import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n';

/** A "rename" button that opens a one-field form in place; `onSave` resolves true when the server accepted it. */
export function InlineRename({
  current,
  subject,
  label,
  maxLength,
  onSave,
  testId,
}: {
  current: string;
  /** Whom or what the button renames; read out after the visible "rename", so the accessible name contains it. */
  subject: string;
  label: string;
  maxLength: number;
  onSave: (name: string) => Promise<boolean>;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(current);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = value.trim();
    if (!name || name === current) return setOpen(false);
    if (await onSave(name)) setOpen(false);
  };
  if (!open) {
    return (
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => {
          setValue(current);
          setOpen(true);
        }}
        data-testid={testId}
      >
        {t('console.rename')}
        <span className="visually-hidden"> {subject}</span>
      </button>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="input input--small"
        value={value}
        maxLength={maxLength}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
      />
      <button type="submit" className="button button--small button--primary">
        {t('common.save')}
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
