import * as Y from 'yjs';

/**
 * Binds a plain textarea to a `Y.Text` so that many people can type into one shared text at once
 * (docs/ARCHITECTURE.md, "Shared texts"):
 *
 * - the textarea is uncontrolled; each local input becomes the one precise splice at the caret (`spliceAtCaret`), so
 *   a character goes after the writer's own last character, never after someone else's at the end of the text;
 * - the caret and selection are kept as Yjs relative positions (the anchor), taken whenever field and text agree
 *   (before any other transaction, and inside each local edit) and restored after a remote change, so another
 *   writer's typing never takes this writer's caret away from where they type; the caret sticks to the character before it (assoc -1), so
 *   text another writer starts at the caret goes after it and two people typing at the same place each keep their
 *   sentence in one piece, while characters that continue the word before the caret, typed by that word's writer,
 *   push the caret along (`pastContinuations`), so nobody's first keystroke lands inside someone else's word;
 * - a field that is not focused keeps its anchor when a change is shown and gets it back on focus (the browser
 *   would put its caret at the end, after whatever arrived last);
 * - nothing is written while an IME composes a word: the composed text is written once, at `compositionend`, at the
 *   place the composition started.
 *
 * Everything here works on a small `TextField` interface, so it runs (and is tested) without a DOM.
 */

/** The part of an HTMLTextAreaElement the binding uses. */
export interface TextField {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  selectionDirection?: 'forward' | 'backward' | 'none' | null;
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
  addEventListener(type: string, fn: (e: Event) => void): void;
  removeEventListener(type: string, fn: (e: Event) => void): void;
  ownerDocument?: { activeElement: unknown } | null;
}

export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

const commonPrefix = (a: string, b: string): number => {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
};

const commonSuffix = (a: string, b: string): number => {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
};

/**
 * The single splice that turned `before` into `after`, where `caret` is the (collapsed) caret after the edit: what
 * follows the caret was not touched, so in a run of equal characters ("aa" → "aaa") the insert is placed just before
 * the caret, where the person typed, not at the end of the run.
 */
export function spliceAtCaret(before: string, after: string, caret: number | null): Splice {
  const c = caret === null ? after.length : Math.max(0, Math.min(caret, after.length));
  const suffix = Math.min(commonSuffix(before, after), after.length - c);
  const prefix = Math.min(commonPrefix(before, after), before.length - suffix, after.length - suffix);
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Applies a splice to a Y.Text inside the caller's transaction. */
export function applySplice(text: Y.Text, s: Splice): void {
  if (s.remove > 0) text.delete(s.index, s.remove);
  if (s.insert) text.insert(s.index, s.insert);
}

/** A caret or selection kept across remote changes. */
export interface KeptSelection {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  direction: 'forward' | 'backward' | 'none';
}

/** Takes the selection as relative positions (both ends stick to the character before them). */
export function keepSelection(text: Y.Text, start: number, end: number, direction?: string | null): KeptSelection {
  return {
    start: Y.createRelativePositionFromTypeIndex(text, start, -1),
    end: Y.createRelativePositionFromTypeIndex(text, end, -1),
    direction: direction === 'backward' ? 'backward' : direction === 'forward' ? 'forward' : 'none',
  };
}

/** Where a kept selection is now (indexes into the current text). */
export function restoreSelection(text: Y.Text, kept: KeptSelection): { start: number; end: number } {
  const doc = text.doc;
  const len = text.length;
  const at = (rel: Y.RelativePosition) => {
    const abs = doc ? Y.createAbsolutePositionFromRelativePosition(rel, doc) : null;
    return abs && abs.type === text ? Math.min(abs.index, len) : len;
  };
  const start = at(kept.start);
  return { start, end: Math.max(start, at(kept.end)) };
}

export interface BindingOptions {
  /** Origin of the binding's own transactions (the page's local origin). */
  origin: unknown;
  /** Longest text the field may hold; a local edit beyond it is cut. */
  max?: number;
  /** Runs inside each local transaction (e.g. bump the item's `updatedAt`). */
  onLocalEdit?: () => void;
}

/** A character of a Y.Text: the item holding it and its offset in the item. */
interface Char {
  item: Y.Item;
  offset: number;
}

const visible = (n: Y.Item | null): Y.Item | null => {
  while (n && (n.deleted || !n.countable)) n = n.right;
  return n;
};

/** The character at `index` (0-based), or null past the end. */
function charAt(text: Y.Text, index: number): Char | null {
  for (let n = visible(text._start); n; n = visible(n.right)) {
    if (index < n.length) return { item: n, offset: index };
    index -= n.length;
  }
  return null;
}

const nextChar = (c: Char): Char | null =>
  c.offset + 1 < c.item.length
    ? { item: c.item, offset: c.offset + 1 }
    : ((n) => (n ? { item: n, offset: 0 } : null))(visible(c.item.right));

const idOf = (c: Char) => ({ client: c.item.id.client, clock: c.item.id.clock + c.offset });

/** The character `c` was typed after (its left origin). */
const originOf = (c: Char): { client: number; clock: number } | null =>
  c.offset > 0 ? { client: c.item.id.client, clock: c.item.id.clock + c.offset - 1 } : c.item.origin;

/**
 * Where a collapsed caret at `at` goes once others' changes are in: past the characters that continue the word the
 * character before the caret belongs to, typed by that character's writer after the caret was kept (`since`: their
 * clock then). Someone typing on at the end of their own word pushes another writer's caret along instead of
 * leaving it inside the word; anyone else's text that starts at the caret goes after it (the caret sticks to the
 * character before it).
 */
function pastContinuations(text: Y.Text, at: number, since: { client: number; clock: number } | null): number {
  if (!since || at === 0) return at;
  let left = charAt(text, at - 1);
  if (!left || left.item.id.client !== since.client) return at;
  let pos = at;
  for (let right = left && nextChar(left); right; right = nextChar(right)) {
    const id = idOf(right);
    const origin = originOf(right);
    const l = idOf(left);
    if (id.client !== since.client || id.clock < since.clock) break;
    if (!origin || origin.client !== l.client || origin.clock !== l.clock) break;
    left = right;
    pos++;
  }
  return pos;
}

/**
 * Where a field's caret was, in terms of its text, when its binding ended: a binding of the same field to the same
 * text (an editor re-rendered, a reconnect) starts from there instead of putting the caret at the end.
 */
const parked = new WeakMap<TextField, { text: Y.Text; sel: KeptSelection; since: Since }>();

type Since = { client: number; clock: number } | null;

/** Binds `field` to `text`; returns the function that unbinds it. */
export function bindTextField(field: TextField, text: Y.Text, opts: BindingOptions): () => void {
  const doc = text.doc;
  if (!doc) throw new Error('the Y.Text must be in a document');
  /** What the field showed after the last sync with the Y.Text (local input is diffed against it). */
  let shown = field.value;
  let composing: { kept: KeptSelection; before: string; start: number; end: number } | null = null;
  /**
   * This writer's caret and selection as relative positions, last taken when the field and the text agreed (before
   * every other transaction, and inside each local edit). Relative positions stay true across any number of
   * transactions, so a change rendered late (a transaction nested in another's cleanup, before the field was
   * brought up to date) still finds the caret where the writer left it.
   */
  let anchor: KeptSelection | null = null;
  /** The writer of the character before the (collapsed) anchor, and their clock when it was taken. */
  let since: Since = null;
  /**
   * The field was not focused when a change was shown: the browser put its caret at the end, the anchor knows
   * where it was. Given back when the field is focused (a tap then places the caret where it lands).
   */
  let stale = false;

  const focused = () => !field.ownerDocument || field.ownerDocument.activeElement === field;
  const selectionOf = () => {
    const start = field.selectionStart ?? field.value.length;
    return { start, end: field.selectionEnd ?? start };
  };
  const takeAnchor = () => {
    const { start, end } = selectionOf();
    anchor = keepSelection(text, start, end, field.selectionDirection);
    const left = start === end && start > 0 ? charAt(text, start - 1) : null;
    since = left ? { client: left.item.id.client, clock: Y.getState(doc.store, left.item.id.client) } : null;
    stale = false;
  };
  /** Puts the caret where the anchor says (or, without one, at the index it had, never at the end). */
  const placeCaret = (was: { start: number; end: number }) => {
    const len = text.length;
    if (!anchor) return field.setSelectionRange(Math.min(was.start, len), Math.min(was.end, len));
    const { start, end } = restoreSelection(text, anchor);
    if (start === end) {
      const at = pastContinuations(text, start, since);
      field.setSelectionRange(at, at, anchor.direction);
    } else field.setSelectionRange(start, end, anchor.direction);
  };

  /** Shows the text; a focused field keeps its caret where its writer left it. */
  const render = () => {
    const next = text.toString();
    shown = next;
    if (field.value === next) return;
    const was = selectionOf();
    field.value = next;
    if (focused()) placeCaret(was);
    else stale = true;
  };

  const onFocus = () => {
    if (stale && !composing && field.value === text.toString()) placeCaret(selectionOf());
    stale = false;
  };

  const onInput = () => {
    if (composing) return;
    const value = field.value;
    const caret = field.selectionEnd;
    let s = spliceAtCaret(shown, value, caret);
    if (opts.max !== undefined && text.length - s.remove + s.insert.length > opts.max) {
      s = { ...s, insert: s.insert.slice(0, Math.max(0, opts.max - (text.length - s.remove))) };
    }
    doc.transact(() => {
      if (s.remove > 0 || s.insert) {
        applySplice(text, s);
        opts.onLocalEdit?.();
      }
      // Field and text agree again before this transaction's observers run (anything they start sees them agree).
      shown = text.toString();
      if (field.value !== shown) {
        // Cut to the limit: show what was kept, caret after the kept insert.
        field.value = shown;
        const at = s.index + s.insert.length;
        field.setSelectionRange(at, at);
      }
      takeAnchor();
    }, opts.origin);
  };

  const onCompositionStart = () => {
    const start = field.selectionStart ?? shown.length;
    const end = field.selectionEnd ?? start;
    composing = { kept: keepSelection(text, start, end), before: shown, start, end };
  };

  const onCompositionEnd = () => {
    const c = composing;
    composing = null;
    if (!c) return;
    // The field holds the composed word in the text as it was before composing (remote changes waited).
    const value = field.value;
    const tail = c.before.length - c.end;
    const composed = value.slice(c.start, Math.max(c.start, value.length - tail));
    const where = restoreSelection(text, c.kept);
    doc.transact(() => {
      applySplice(text, { index: where.start, remove: where.end - where.start, insert: composed });
      opts.onLocalEdit?.();
      const at = where.start + composed.length;
      shown = text.toString();
      field.value = shown;
      field.setSelectionRange(at, at);
      takeAnchor();
    }, opts.origin);
  };

  // Before any other transaction, keep where this writer's caret is, while the field still shows the text as it is.
  // When they disagree (a change not shown yet: this transaction started inside another's cleanup), the anchor
  // taken when they last agreed is the true one.
  const onBeforeTransaction = (tr: Y.Transaction) => {
    if (tr.origin === opts.origin || composing || stale) return;
    if (field.value === text.toString()) takeAnchor();
  };

  const observer = () => {
    if (composing) return; // shown after the composition ends
    render();
  };

  // A rebinding of the same field to the same text starts from where its caret was left.
  const before = parked.get(field);
  parked.delete(field);
  if (before?.text === text) {
    anchor = before.sel;
    since = before.since;
  }
  render();

  field.addEventListener('input', onInput);
  field.addEventListener('focus', onFocus);
  field.addEventListener('compositionstart', onCompositionStart);
  field.addEventListener('compositionend', onCompositionEnd);
  doc.on('beforeTransaction', onBeforeTransaction);
  text.observe(observer);
  return () => {
    field.removeEventListener('input', onInput);
    field.removeEventListener('focus', onFocus);
    field.removeEventListener('compositionstart', onCompositionStart);
    field.removeEventListener('compositionend', onCompositionEnd);
    doc.off('beforeTransaction', onBeforeTransaction);
    text.unobserve(observer);
    if (!composing && !stale && field.value === text.toString()) takeAnchor();
    if (anchor) parked.set(field, { text, sel: anchor, since });
  };
}
