import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextField, type TextField } from '../../client/sync/textBinding';
import { rng as prng } from '../helpers/rng';

/**
 * The caret race (docs/ARCHITECTURE.md, "Shared texts"): several phones type into one shared text character by
 * character while the network delays, batches, merges, duplicates and reorders their updates. Every case is seeded
 * (the seed is printed on failure) and run many times.
 */

/** A textarea as the binding sees it: a value assignment that changes the value puts the caret at the end (Chromium). */
class Field implements TextField {
  private v = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  focused = true;
  readonly ownerDocument = { activeElement: null as unknown };
  private listeners = new Map<string, Set<(e: Event) => void>>();
  constructor() {
    Object.defineProperty(this.ownerDocument, 'activeElement', { get: () => (this.focused ? this : null) });
  }
  get value() {
    return this.v;
  }
  set value(v: string) {
    if (v === this.v) return;
    this.v = v;
    this.selectionStart = this.selectionEnd = v.length;
  }
  setSelectionRange(start: number, end: number) {
    this.selectionStart = Math.min(start, this.v.length);
    this.selectionEnd = Math.min(Math.max(start, end), this.v.length);
  }
  addEventListener(t: string, f: (e: Event) => void) {
    if (!this.listeners.has(t)) this.listeners.set(t, new Set());
    this.listeners.get(t)!.add(f);
  }
  removeEventListener(t: string, f: (e: Event) => void) {
    this.listeners.get(t)?.delete(f);
  }
  /** A key press: the character replaces the selection, the caret goes after it, then `input`. */
  type(s: string) {
    const a = this.selectionStart;
    const b = this.selectionEnd;
    this.v = this.v.slice(0, a) + s + this.v.slice(b);
    this.selectionStart = this.selectionEnd = a + s.length;
    for (const f of this.listeners.get('input') ?? []) f({} as Event);
  }
  focus() {
    if (this.focused) return;
    this.focused = true;
    for (const f of this.listeners.get('focus') ?? []) f({} as Event);
  }
  /** The text before the caret. */
  beforeCaret() {
    return this.v.slice(0, this.selectionStart);
  }
}

const LOCAL = Symbol('local');
const REMOTE = 'remote';

interface Phone {
  doc: Y.Doc;
  text: Y.Text;
  field: Field;
  unbind: () => void;
  /** Updates on their way to this phone, in the order they were sent. */
  inbox: Uint8Array[];
  /** What this phone's writer has typed so far. */
  typed: string;
  /** While offline: what it wrote, sent when it reconnects. */
  outbox: Uint8Array[] | null;
}

interface Options {
  phones: number;
  /** A remote transaction that changes another item (not the text) now and then. */
  otherItems?: boolean;
  /**
   * Something else reacting to a change applies waiting updates while the change is still being cleaned up (a
   * transaction nested in another's observers): 'local' during the phone's own keystroke, 'remote' during a remote one.
   */
  nested?: 'local' | 'remote';
  /** Unbind and bind the field again now and then while typing (a re-rendered editor), sometimes with updates in between. */
  rebind?: boolean;
  /** Fields are not focused until their writer's first keystroke (others' first characters arrive before). */
  lateFocus?: boolean;
  /** Phone 0 is offline for the first part of the typing: nothing goes out or comes in until it reconnects. */
  offline?: boolean;
}

/**
 * The whole room: phones, each with a Y.Doc and a bound field, and a network that holds every update and delivers
 * them later, in random batches (sometimes merged into one update, as the server relays a batch), in random order
 * (Yjs keeps an update whose history is missing as pending until it arrives), sometimes twice.
 */
function makeRoom(seed: number, o: Options, initial = '') {
  const rnd = prng(seed);
  // Client ids from the seed too: Yjs orders concurrent inserts by them, so a failure replays only with its ids.
  const clientId = () => 1 + rnd.int(2 ** 30);
  const seedDoc = new Y.Doc();
  seedDoc.clientID = clientId();
  seedDoc.getMap('items').set('other', new Y.Map());
  const item = new Y.Map<unknown>();
  seedDoc.getMap('items').set('pitch', item);
  item.set('text', new Y.Text(initial));
  const start = Y.encodeStateAsUpdate(seedDoc);
  const phones: Phone[] = [];
  for (let i = 0; i < o.phones; i++) {
    const doc = new Y.Doc();
    doc.clientID = clientId();
    Y.applyUpdate(doc, start, REMOTE);
    const text = (doc.getMap('items').get('pitch') as Y.Map<unknown>).get('text') as Y.Text;
    const field = new Field();
    const phone: Phone = { doc, text, field, unbind: () => {}, inbox: [], typed: '', outbox: null };
    phone.unbind = bindTextField(field, text, { origin: LOCAL, onLocalEdit: () => touch(doc) });
    field.setSelectionRange(field.value.length, field.value.length);
    field.focused = !o.lateFocus;
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      if (phone.outbox) return void phone.outbox.push(u);
      for (const other of phones) if (other !== phone) other.inbox.push(u);
    });
    phones.push(phone);
  }
  const touch = (doc: Y.Doc) => (doc.getMap('items').get('pitch') as Y.Map<unknown>).set('updatedAt', rnd.int(1e9));

  /** Delivers some of a phone's waiting updates: a random batch, shuffled, maybe merged, maybe repeated. */
  const deliverSome = (p: Phone, all = false) => {
    if (p.inbox.length === 0 || p.outbox) return;
    const n = all ? p.inbox.length : 1 + rnd.int(p.inbox.length);
    // Not always the oldest first: a random slice of what waits.
    const from = all ? 0 : rnd.int(p.inbox.length - n + 1);
    const batch = p.inbox.splice(from, n);
    for (let i = batch.length - 1; i > 0; i--) {
      const j = rnd.int(i + 1);
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    if (rnd.chance(0.3)) {
      // The server relays a batch merged, the writer's own updates included (a no-op for it).
      Y.applyUpdate(p.doc, Y.mergeUpdates(batch), REMOTE);
    } else {
      for (const u of batch) Y.applyUpdate(p.doc, u, REMOTE);
    }
    if (rnd.chance(0.1)) Y.applyUpdate(p.doc, batch[0]!, REMOTE); // delivered twice
  };

  if (o.nested) {
    for (const p of phones) {
      const pitch = p.doc.getMap('items').get('pitch') as Y.Map<unknown>;
      const nestedDeliver = (tr: Y.Transaction) => {
        const ours = tr.origin === LOCAL;
        if ((o.nested === 'local') !== ours) return;
        if (!rnd.chance(0.5) || p.inbox.length === 0) return;
        deliverSome(p);
      };
      if (o.nested === 'remote') {
        // Runs after a remote transaction's changes, before any observer of it: the binding's observer runs with
        // the nested change already in the text.
        p.doc.on('beforeObserverCalls', (tr: Y.Transaction) => nestedDeliver(tr));
      } else {
        pitch.observeDeep((_e, tr) => nestedDeliver(tr));
      }
    }
  }

  const otherChange = (p: Phone) => {
    // Another phone's change to another item, arriving as a remote transaction that does not touch the text.
    const other = new Y.Doc();
    other.clientID = clientId();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(p.doc));
    (other.getMap('items').get('other') as Y.Map<unknown>).set('x', rnd.int(1e9));
    Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(p.doc)), REMOTE);
  };

  /** Phone 0 reconnects: what it wrote goes out, in one sync (merged), and what waited for it comes in. */
  const reconnect = () => {
    const p = phones[0]!;
    const out = p.outbox;
    if (!out) return;
    p.outbox = null;
    if (out.length) for (const other of phones) if (other !== p) other.inbox.push(Y.mergeUpdates(out));
  };
  if (o.offline) phones[0]!.outbox = [];

  return { rnd, phones, deliverSome, otherChange, reconnect };
}

/** Each writer's caret is right after their own last typed character, on their own phone. */
function expectCarets(phones: Phone[], ctx: string) {
  phones.forEach((p, k) => {
    const f = p.field;
    if (!f.focused) return;
    expect(f.value, `${ctx}: phone ${k} shows its text`).toBe(p.text.toString());
    expect(f.beforeCaret().endsWith(p.typed), `${ctx}: phone ${k}'s caret after "${p.typed}" in "${f.value}"`).toBe(
      true,
    );
  });
}

const SENTENCES = ['Wij verbinden ouders. ', 'Samen sterk! ', 'De buurt doet mee. '];

function run(seed: number, o: Options) {
  const ctx = `seed ${seed} ${JSON.stringify(o)}`;
  const { rnd, phones, deliverSome, otherChange, reconnect } = makeRoom(seed, o, rnd0(seed));
  const sentences = SENTENCES.slice(0, o.phones);
  const left = () => phones.some((p, k) => p.typed.length < sentences[k]!.length);
  let step = 0;
  while (left()) {
    step++;
    if (o.offline && phones[0]!.typed.length >= sentences[0]!.length / 2) reconnect();
    // Human pace: each step one writer types one character, or the network delivers, or something else happens.
    const k = rnd.int(phones.length);
    const p = phones[k]!;
    const roll = rnd.next();
    if (roll < 0.5 && p.typed.length < sentences[k]!.length) {
      const ch = sentences[k]![p.typed.length]!;
      p.field.focus();
      p.field.type(ch);
      p.typed += ch;
    } else if (roll < 0.85) {
      deliverSome(p);
    } else if (roll < 0.92 && o.otherItems) {
      otherChange(p);
    } else if (o.rebind) {
      p.unbind();
      if (rnd.chance(0.5)) deliverSome(p); // updates arriving while the field is not bound
      p.unbind = bindTextField(p.field, p.text, { origin: LOCAL });
    }
    expectCarets(phones, `${ctx} step ${step}`);
  }
  reconnect();
  for (const p of phones) deliverSome(p, true);
  for (const p of phones) deliverSome(p, true);
  const final = phones[0]!.text.toString();
  phones.forEach((p, k) => {
    expect(p.text.toString(), `${ctx}: phone ${k} equals phone 0`).toBe(final);
    expect(p.field.value, `${ctx}: phone ${k}'s field`).toBe(final);
    expect(p.doc.store.pendingStructs, `${ctx}: nothing pending on phone ${k}`).toBeNull();
  });
  for (const s of sentences) expect(final, `${ctx}: "${s}" whole in "${final}"`).toContain(s);
  expectCarets(phones, `${ctx} end`);
}

/** Some runs start from an empty text, some from a text already there. */
const rnd0 = (seed: number) => (seed % 3 === 0 ? 'Pitch: ' : '');

const SEEDS = Number(process.env.CARET_SEEDS ?? 60);
const BASE = Number(process.env.CARET_SEED ?? 20261203);

function many(o: Options) {
  for (let i = 0; i < SEEDS; i++) run(BASE + i, o);
}

describe('shared text typing with delayed, batched and reordered delivery', () => {
  it(`two phones keep their sentences whole and their carets in place (seeds ${BASE}…+${SEEDS})`, () => {
    many({ phones: 2 });
  });
  it('three phones', () => {
    many({ phones: 3 });
  });
  it('with remote transactions that change another item in between', () => {
    many({ phones: 3, otherItems: true });
  });
  it('with remote updates applied inside the cleanup of the phone’s own keystroke', () => {
    many({ phones: 3, nested: 'local', otherItems: true });
  });
  it('with remote updates applied inside the observers of another remote transaction', () => {
    many({ phones: 3, nested: 'remote', otherItems: true });
  });
  it('with the field unbound and bound again while typing', () => {
    many({ phones: 3, rebind: true, otherItems: true });
  });
  it('with phones that focus their field only at their first keystroke, after others began', () => {
    many({ phones: 3, lateFocus: true, otherItems: true });
  });
  it('with one phone offline for the first half of its sentence while the others type on', () => {
    many({ phones: 3, offline: true, otherItems: true });
  });
});

/** Two phones on one empty text, with chosen Yjs client ids (concurrent inserts at one place are ordered by them). */
function pair(aminaClient: number, bramClient: number) {
  const seedDoc = new Y.Doc();
  seedDoc.getMap('items').set('pitch', new Y.Map([['text', new Y.Text()]]) as Y.Map<unknown>);
  const mk = (client: number) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seedDoc), REMOTE);
    const text = (doc.getMap('items').get('pitch') as Y.Map<unknown>).get('text') as Y.Text;
    const field = new Field();
    bindTextField(field, text, { origin: LOCAL });
    const inbox: Uint8Array[] = [];
    return { doc, text, field, inbox };
  };
  const a = mk(aminaClient);
  const b = mk(bramClient);
  a.doc.on('update', (u: Uint8Array, o: unknown) => o !== REMOTE && b.inbox.push(u));
  b.doc.on('update', (u: Uint8Array, o: unknown) => o !== REMOTE && a.inbox.push(u));
  const deliver = (p: { doc: Y.Doc; inbox: Uint8Array[] }) => {
    for (const u of p.inbox.splice(0)) Y.applyUpdate(p.doc, u, REMOTE);
  };
  return { a, b, deliver };
}

describe('where a writer starts, next to someone still typing (both orders of client ids)', () => {
  for (const [aminaClient, bramClient] of [
    [2000, 1000],
    [1000, 2000],
  ] as const) {
    it(`a phone not focused when another's first character arrives starts where its caret was (${aminaClient}/${bramClient})`, () => {
      const { a, b, deliver } = pair(aminaClient, bramClient);
      b.field.focused = false;
      a.field.type('W');
      deliver(b); // Bram's field shows "W" before Bram touches it: the browser puts its caret at the end
      expect(b.field.value).toBe('W');
      b.field.focus(); // Bram focuses the field and types while Amina goes on (neither has the other's next yet)
      a.field.type('ij');
      b.field.type('Samen');
      deliver(a);
      deliver(b);
      a.field.type(' verbinden.');
      b.field.type(' sterk!');
      deliver(a);
      deliver(b);
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.toString()).toContain('Wij verbinden.');
      expect(a.text.toString()).toContain('Samen sterk!');
    });

    it(`a caret right after another's word moves on as that writer types on (${aminaClient}/${bramClient})`, () => {
      const { a, b, deliver } = pair(aminaClient, bramClient);
      a.field.type('W');
      deliver(b);
      b.field.setSelectionRange(1, 1); // Bram taps at the end, after Amina's "W"
      a.field.type('ij');
      deliver(b);
      expect(b.field.value).toBe('Wij');
      expect(b.field.selectionStart).toBe(3); // pushed along, not left inside Amina's word
      b.field.type(' Samen sterk!');
      deliver(a);
      a.field.type(' verbinden.');
      deliver(b);
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.toString()).toContain('Wij verbinden.');
      expect(a.text.toString()).toContain(' Samen sterk!');
    });
  }

  it('a caret does not move for another writer’s text that starts where it is', () => {
    const { a, b, deliver } = pair(1000, 2000);
    a.field.type('Wij. ');
    deliver(b);
    b.field.setSelectionRange(5, 5);
    b.field.type('B');
    deliver(a); // Amina's caret was after her own space; Bram's "B" starts there: it goes after her caret
    a.field.type('En');
    deliver(b);
    expect(a.text.toString()).toBe(b.text.toString());
    expect(a.text.toString()).toMatch(/^Wij\. (EnB|BEn)$/);
    expect(a.field.beforeCaret().endsWith('En')).toBe(true);
  });
});
