import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AnsweredSet } from '../../server/exercises/prejudiceGame/answeredSet';

describe('who answered (prejudice game)', () => {
  it('remembers an answer per statement without holding the participant id', () => {
    const set = new AnsweredSet();
    set.add('w1/vooroordelen/bron-1', 'p-secret-42');
    expect(set.has('w1/vooroordelen/bron-1', 'p-secret-42')).toBe(true);
    expect(set.has('w1/vooroordelen/bron-2', 'p-secret-42')).toBe(false);
    expect(set.has('w1/vooroordelen/bron-1', 'p-other')).toBe(false);
    // Nothing inside it, however deep, spells the id.
    expect(inspect(set, { depth: 10, showHidden: true })).not.toContain('p-secret-42');
  });

  it('cannot be recomputed by another process (a fresh key per instance)', () => {
    const a = new AnsweredSet();
    a.add('scope', 'p1');
    expect(new AnsweredSet().has('scope', 'p1')).toBe(false);
  });
});
