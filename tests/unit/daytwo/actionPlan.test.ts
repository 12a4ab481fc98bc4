import { describe, expect, it } from 'vitest';
import {
  checklistSummary,
  CONDITIONS,
  planConditionFields,
  planStepFields,
  planToMarkdown,
} from '../../../shared/exercises/actionPlan';
import { TEMPLATE_SOURCE } from '../../../shared/template';

describe('action plan', () => {
  it('has the four fertile-ground and nine feeding conditions of the source', () => {
    expect(CONDITIONS.filter((c) => c.group === 'bodem')).toHaveLength(4);
    expect(CONDITIONS.filter((c) => c.group === 'voeden')).toHaveLength(9);
    expect(new Set(CONDITIONS.map((c) => c.id)).size).toBe(CONDITIONS.length);
  });

  it('summarises the checklist state, the latest mark per condition counting', () => {
    expect(checklistSummary([])).toEqual({ present: 0, work: 0, na: 0, open: 13 });
    const s = checklistSummary([
      { conditionId: 'trust', status: 'present' },
      { conditionId: 'urgency', status: 'work' },
      { conditionId: 'urgency', status: 'na' },
      { conditionId: 'unknown', status: 'present' },
    ]);
    expect(s).toEqual({ present: 1, work: 0, na: 1, open: 11 });
  });

  it('validates steps (who is a member or a party) and marks', () => {
    const step = { what: 'Overleg plannen', when: 'maart', firstStep: true, roleIds: [], editableBy: 'group' };
    expect(planStepFields.safeParse({ ...step, whoParty: 'het wijkteam' }).success).toBe(true);
    expect(planStepFields.safeParse(step).success).toBe(false);
    expect(planStepFields.safeParse({ ...step, whoParty: 'x', editableBy: 'author' }).success).toBe(false);
    expect(
      planConditionFields.safeParse({ conditionId: 'trust', status: 'maybe', note: '', editableBy: 'group' }).success,
    ).toBe(false);
  });

  it('exports the plan as Markdown: first step first, every condition, the source named', () => {
    const md = planToMarkdown({
      cooperation: 'Zaandam',
      steps: [
        { what: 'Later', who: 'Ayşe', when: 'juni', firstStep: false, roles: [] },
        { what: 'Eerst', who: 'het wijkteam', when: 'maart', firstStep: true, roles: ['Fixer'] },
      ],
      marks: [{ conditionId: 'trust', status: 'work', note: 'nog wantrouwen' }],
    });
    expect(md.indexOf('**Eerst**')).toBeLessThan(md.indexOf('**Later**'));
    expect(md).toContain('Rollen: Fixer');
    expect(md).toContain('- Vertrouwen: werkpunt — nog wantrouwen');
    expect(md).toContain('- Samen evalueren: nog niet besproken');
    expect(md).toContain(TEMPLATE_SOURCE);
  });
});

describe('closing', () => {
  it('steps through the cooperations in their order, then the researchers', async () => {
    const { closingOrder } = await import('../../../shared/exercises/closing');
    const s = (id: string, by: string, groupId: string | null, createdAt: number) => ({ id, by, groupId, createdAt });
    const order = closingOrder(
      [
        s('r1', 'researcher', null, 1),
        s('b', 'spokesperson', 'g2', 2),
        s('a', 'spokesperson', 'g1', 3),
        s('r2', 'researcher', null, 0),
      ],
      ['g1', 'g2'],
    );
    expect(order.map((x) => x.id)).toEqual(['a', 'b', 'r2', 'r1']);
  });
});
