import { useEffect, useRef, type TextareaHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../sync/origins';
import { bindTextField } from '../sync/textBinding';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> & {
  /** The shared text; null while its item does not exist yet (the field shows `fallback`). */
  text: Y.Text | null;
  max?: number;
  /** Runs inside each local edit's transaction (e.g. to bump the item's `updatedAt`). */
  onLocalEdit?: () => void;
};

/**
 * A textarea many people type into at once: bound to a `Y.Text` by `client/sync/textBinding.ts` (uncontrolled;
 * each keystroke is one splice at the caret; the caret is a Yjs relative position, so others' typing never moves it).
 */
export function SharedTextArea({ text, max, onLocalEdit, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const edit = useRef(onLocalEdit);
  useEffect(() => {
    edit.current = onLocalEdit;
  }, [onLocalEdit]);
  useEffect(() => {
    const el = ref.current;
    if (!el || !text) return;
    return bindTextField(el, text, { origin: LOCAL_ORIGIN, max, onLocalEdit: () => edit.current?.() });
  }, [text, max]);
  // Until the shared text exists (its item is being created) nothing can be typed: keystrokes into an unbound field
  // would be overwritten when the binding starts.
  return <textarea ref={ref} maxLength={max} {...rest} readOnly={rest.readOnly || !text} aria-busy={!text} />;
}
