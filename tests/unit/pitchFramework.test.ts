import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, patchItem, readItems } from '../../shared/boardDoc';
import { DEFAULT_DECK } from '../../shared/exercises/framework/defaultDeck';
import { parseInline, parseMarkdown, splitSlides } from '../../shared/exercises/framework/markdown';
import { keywordField, keywordsOf, photoSchema, pitchFields, pitchMinutes } from '../../shared/exercises/pitch';
import { pitchExportText } from '../../shared/exercises/pitch/exportText';
import { drawOrder, effectiveOrder } from '../../shared/exercises/pitch/order';
import { textDiff } from '../../shared/exercises/pitch/textDiff';
import { TEMPLATE_SOURCE } from '../../shared/template';

describe('pitch order', () => {
  const groups = ['g1', 'g2', 'g3', 'g4', 'g5'];

  it('draws the same order for the same seed, a permutation of the groups', () => {
    const a = drawOrder(groups, 42);
    expect(drawOrder(groups, 42)).toEqual(a);
    expect([...a].sort()).toEqual(groups);
  });

  it('draws different orders for different seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, s) => drawOrder(groups, s).join(',')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('keeps a stored order, drops removed groups and appends new ones', () => {
    expect(effectiveOrder(['g3', 'gone', 'g1'], ['g1', 'g2', 'g3'])).toEqual(['g3', 'g1', 'g2']);
    expect(effectiveOrder(undefined, ['g1', 'g2'])).toEqual(['g1', 'g2']);
  });

  it('accepts only a small JPEG data URL as a pitch photo', () => {
    expect(photoSchema.safeParse('data:image/jpeg;base64,/9j/4AAQSkZJRg==').success).toBe(true);
    expect(photoSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(photoSchema.safeParse('data:image/svg+xml;base64,PHN2Zz4=').success).toBe(false);
    expect(photoSchema.safeParse('data:image/jpeg;base64,"><script>').success).toBe(false);
    expect(photoSchema.safeParse('data:image/jpeg;base64,' + 'A'.repeat(300_000)).success).toBe(false);
    // New photos go through the upload route: the pitch keeps the upload's id.
    const base = { text: '', keywords: [], editableBy: 'group' as const };
    expect(pitchFields.safeParse({ ...base, photoId: 'uabc123def' }).success).toBe(true);
    expect(pitchFields.safeParse({ ...base, photoId: '../../etc/passwd' }).success).toBe(false);
  });

  it('takes the pitch length from the session settings, default 3 minutes', () => {
    expect(pitchMinutes({ pitchMinutes: 5 })).toBe(5);
    expect(pitchMinutes({})).toBe(3);
    expect(pitchMinutes({ pitchMinutes: 'x' })).toBe(3);
  });
});

describe('pitch keywords', () => {
  it('keeps both when two teammates fill different slots at the same moment', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const pitch = {
      id: 'p1',
      kind: 'pitch',
      sessionId: 'pitch',
      groupId: 'g1',
      authorId: 'server',
      createdAt: 1,
      updatedAt: 1,
      text: '',
      keywords: [],
      editableBy: 'group',
    };
    addItem(a, pitch);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Neither has seen the other's change when making its own.
    patchItem(a, 'p1', { [keywordField(0)]: 'school' }, 2);
    patchItem(b, 'p1', { [keywordField(2)]: 'samen' }, 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) expect(keywordsOf(itemsMap(d).get('p1')!.toJSON())).toEqual(['school', '', 'samen']);
    const [item] = readItems(a);
    expect(pitchFields.safeParse({ ...item }).success).toBe(true);
    expect(pitchExportText(item!)).toBe('pitch: (nog leeg) (trefwoorden: school, samen)');
  });

  it('reads the keyword array older pitches were written with, a slot of its own taking precedence', () => {
    expect(keywordsOf({ keywords: ['taal', 'wijk'] })).toEqual(['taal', 'wijk', '']);
    expect(keywordsOf({ keywords: ['taal', 'wijk'], keyword1: 'buurt' })).toEqual(['taal', 'buurt', '']);
    expect(keywordsOf({ keywords: 'not a list', keyword0: 7 })).toEqual(['', '', '']);
  });
});

describe('text diff for the shared pitch text', () => {
  it('finds the one splice between two texts', () => {
    expect(textDiff('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    expect(textDiff('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' });
    expect(textDiff('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
    expect(textDiff('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });
});

describe('slide markdown', () => {
  it('parses headings, lists, quotes, paragraphs, bold and italic', () => {
    const blocks = parseMarkdown(
      '# Titel\n\nEen **vet** en *schuin* woord\nlopend.\n\n- een\n- twee\n\n1. eerst\n2. dan\n\n> citaat',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Titel' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Een ' },
          { type: 'strong', text: 'vet' },
          { type: 'text', text: ' en ' },
          { type: 'em', text: 'schuin' },
          { type: 'text', text: ' woord lopend.' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'een' }], [{ type: 'text', text: 'twee' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'eerst' }], [{ type: 'text', text: 'dan' }]] },
      { type: 'quote', content: [{ type: 'text', text: 'citaat' }] },
    ]);
  });

  it('keeps HTML as plain text, so a slide cannot inject markup', () => {
    const [p] = parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(p).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
    });
    expect(parseInline('**<b>x</b>**')).toEqual([{ type: 'strong', text: '<b>x</b>' }]);
  });

  it('leaves unmatched markers as text', () => {
    expect(parseInline('2 * 3 = 6')).toEqual([{ type: 'text', text: '2 * 3 = 6' }]);
  });

  it('splits a deck on lines of dashes', () => {
    expect(splitSlides('# A\n\n---\n\n# B\n---\n# C\n')).toEqual(['# A', '# B', '# C']);
  });

  it('has a default deck on chapter 2 that names its source, in Dutch and English', () => {
    for (const lang of ['nl', 'en'] as const) {
      const slides = splitSlides(DEFAULT_DECK[lang]);
      expect(slides.length).toBe(5);
      expect(slides.at(-1)).toContain(TEMPLATE_SOURCE);
    }
    expect(DEFAULT_DECK.nl).toContain('Toegankelijkheid');
    expect(DEFAULT_DECK.nl).toContain('Civil society');
    expect(DEFAULT_DECK.nl).toContain('Vruchtbare bodem');
    expect(DEFAULT_DECK.nl).toContain('Focus op gemeenschap');
  });
});
