import { describe, expect, it } from 'vitest';
import {
  CLOSING_SPOKESPERSON,
  CLOSING_SUMMARY,
  closingSpokespersonFields,
  currentSpokesperson,
  groupSummary,
} from '../../../shared/exercises/closing';

const summary = (id: string, authorId: string, at: number, text = id) => ({
  id,
  kind: CLOSING_SUMMARY,
  groupId: 'g1',
  authorId,
  createdAt: at,
  updatedAt: at,
  by: 'spokesperson',
  name: authorId,
  text,
});
const pick = (participantId: string) => ({
  id: 'sp-afsluiting-g1',
  kind: CLOSING_SPOKESPERSON,
  groupId: 'g1',
  authorId: 'p1',
  createdAt: 5,
  updatedAt: 5,
  participantId,
  editableBy: 'group',
});

describe('closing: the group chooses its spokesperson', () => {
  it('is whoever wrote first until the group (or the facilitator) chooses; then the chosen one', () => {
    expect(currentSpokesperson([], 'g1')).toBeNull();
    const first = [summary('s1', 'p1', 1), summary('s2', 'p2', 2)];
    expect(currentSpokesperson(first, 'g1')).toBe('p1');
    expect(groupSummary(first, 'g1')?.id).toBe('s1');
    // Bram takes over: his summary is presented once he wrote one; until then the text so far.
    expect(currentSpokesperson([...first, pick('p2')], 'g1')).toBe('p2');
    expect(groupSummary([...first, pick('p2')], 'g1')?.id).toBe('s2');
    expect(groupSummary([summary('s1', 'p1', 1), pick('p3')], 'g1')?.id).toBe('s1');
    expect(currentSpokesperson([...first, pick('p2')], 'g2')).toBeNull();
  });

  it('is a group item anyone in the cooperation may change', () => {
    expect(closingSpokespersonFields.safeParse({ participantId: 'p2', editableBy: 'group' }).success).toBe(true);
    expect(closingSpokespersonFields.safeParse({ participantId: 'p2' }).success).toBe(false);
  });
});
