import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextField, spliceAtCaret, type TextField } from '../../client/sync/textBinding';

/** A textarea as the binding sees it; assigning `value` puts the caret at the end, as browsers do. */
class FakeField implements TextField {
  private v = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  ownerDocument = { activeElement: this as unknown };
  private listeners = new Map<string, Set<(e: Event) => void>>();
  get value() {
    return this.v;
  }
  set value(v: string) {
    this.v = v;
    this.selectionStart = this.selectionEnd = v.length;
  }
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  addEventListener(t: string, f: (e: Event) => void) {
    if (!this.listeners.has(t)) this.listeners.set(t, new Set());
    this.listeners.get(t)!.add(f);
  }
  removeEventListener(t: string, f: (e: Event) => void) {
    this.listeners.get(t)?.delete(f);
  }
  private emit(t: string) {
    for (const f of this.listeners.get(t) ?? []) f({} as Event);
  }
  /** What a key press does: replace the selection, caret after it, then `input`. */
  type(s: string) {
    const a = this.selectionStart;
    const b = this.selectionEnd;
    this.v = this.v.slice(0, a) + s + this.v.slice(b);
    this.selectionStart = this.selectionEnd = a + s.length;
    this.emit('input');
  }
  backspace() {
    const a = this.selectionStart;
    if (a === 0) return;
    this.v = this.v.slice(0, a - 1) + this.v.slice(a);
    this.selectionStart = this.selectionEnd = a - 1;
    this.emit('input');
  }
  compose(word: string) {
    this.emit('compositionstart');
    // The IME shows partial words in the field; `input` events come while composing.
    for (let i = 1; i <= word.length; i++) {
      const a = this.selectionStart - (i - 1);
      this.v = this.v.slice(0, a) + word.slice(0, i) + this.v.slice(a + i - 1);
      this.selectionStart = this.selectionEnd = a + i;
      this.emit('input');
    }
    this.emit('compositionend');
  }
  caretAtEnd() {
    this.setSelectionRange(this.v.length, this.v.length);
  }
}

const LOCAL = Symbol('local');

/** Several phones on one shared text, with updates held back and delivered in rounds (concurrent typing). */
function room(n: number, initial = '') {
  const docs = Array.from({ length: n }, () => new Y.Doc());
  const seed = new Y.Doc();
  seed.getText('t').insert(0, initial);
  const queue: Array<{ from: number; u: Uint8Array }> = [];
  docs.forEach((d, i) => {
    Y.applyUpdate(d, Y.encodeStateAsUpdate(seed), 'remote');
    d.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') queue.push({ from: i, u });
    });
  });
  const fields = docs.map((d) => {
    const f = new FakeField();
    bindTextField(f, d.getText('t'), { origin: LOCAL });
    f.caretAtEnd();
    return f;
  });
  const deliver = () => {
    for (const { from, u } of queue.splice(0)) docs.forEach((d, i) => i !== from && Y.applyUpdate(d, u, 'remote'));
  };
  return { docs, fields, deliver, text: (i: number) => docs[i]!.getText('t').toString() };
}

describe('spliceAtCaret', () => {
  it('places an insert where the caret is, even in a run of equal characters', () => {
    expect(spliceAtCaret('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(spliceAtCaret('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(spliceAtCaret('abc', 'abXc', 3)).toEqual({ index: 2, remove: 0, insert: 'X' });
  });
  it('finds deletions and replacements', () => {
    expect(spliceAtCaret('hello', 'helo', 3)).toEqual({ index: 3, remove: 1, insert: '' });
    expect(spliceAtCaret('hello world', 'hello there', 11)).toEqual({ index: 6, remove: 5, insert: 'there' });
    expect(spliceAtCaret('', 'x', null)).toEqual({ index: 0, remove: 0, insert: 'x' });
  });
});

describe('bindTextField', () => {
  it('keeps two writers’ sentences whole when they type at the end at the same time', () => {
    const r = room(2, 'Visie: ');
    const a = 'De sleutelfiguren blijven informeel.';
    const b = 'Het wijkteam komt naar de moskee.';
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i]) r.fields[0]!.type(a[i]!);
      if (b[i]) r.fields[1]!.type(b[i]!);
      r.deliver();
    }
    r.deliver();
    for (let i = 0; i < 2; i++) {
      expect(r.text(i)).toContain(a);
      expect(r.text(i)).toContain(b);
      expect(r.fields[i]!.value).toBe(r.text(i));
    }
    expect(r.text(0)).toBe(r.text(1));
  });

  it('keeps three writers’ sentences whole, deletions included, and never moves a caret for another’s typing', () => {
    const r = room(3, 'Samen: ');
    const s = ['Eerste zin van Aïcha.', 'Tweede zin van Bram!', 'Derde zin van Chen?'];
    const typos = [5, 9, 3];
    for (let i = 0; i < 25; i++) {
      r.fields.forEach((f, k) => {
        const text = s[k]!;
        if (i < text.length) {
          // A typo, fixed at once.
          if (i === typos[k]) {
            f.type('#');
            f.backspace();
          }
          f.type(text[i]!);
        }
      });
      r.deliver();
      // Every caret stays right after its own writer's last character.
      r.fields.forEach((f, k) => {
        const typed = s[k]!.slice(0, Math.min(i + 1, s[k]!.length));
        expect(f.value.slice(0, f.selectionStart).endsWith(typed)).toBe(true);
      });
    }
    r.deliver();
    for (let i = 0; i < 3; i++) for (const sentence of s) expect(r.text(i)).toContain(sentence);
  });

  it('writes a composed word once, at the place the composition began', () => {
    const r = room(2, 'ab');
    r.fields[0]!.setSelectionRange(1, 1);
    r.fields[0]!.compose('日本');
    r.deliver();
    expect(r.text(1)).toBe('a日本b');
    expect(r.fields[1]!.value).toBe('a日本b');
    // Only one local change went out for the whole word.
    expect(r.docs[0]!.getText('t').toString()).toBe('a日本b');
  });

  it('restores a selection across a remote change before it', () => {
    const r = room(2, 'hello world');
    r.fields[0]!.setSelectionRange(6, 11);
    r.fields[1]!.setSelectionRange(0, 0);
    r.fields[1]!.type('>> ');
    r.deliver();
    expect(r.fields[0]!.value).toBe('>> hello world');
    expect(r.fields[0]!.value.slice(r.fields[0]!.selectionStart, r.fields[0]!.selectionEnd)).toBe('world');
  });
});
