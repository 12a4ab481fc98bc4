import { describe, expect, it } from 'vitest';
import {
  checklistSummary,
  CONDITIONS,
  planConditionFields,
  planStepFields,
  planToMarkdown,
} from '../../../shared/exercises/actionPlan';
import { CONDITION_EXPLANATIONS } from '../../../shared/exercises/actionPlan/explanations';
import { planRoles, roleNameIn } from '../../../shared/exercises/actionPlan/planRoles';
import { SOURCE_ROLES } from '../../../shared/catalogue/roles';
import type { Item } from '../../../shared/boardDoc';
import { TEMPLATE_SOURCE } from '../../../shared/template';

describe('action plan', () => {
  it("has chapter 2's fertile ground (four basics and two more) and nine feeding conditions, and chapter 5's points", () => {
    expect(CONDITIONS.filter((c) => c.group === 'bodem')).toHaveLength(6);
    expect(CONDITIONS.filter((c) => c.group === 'voeden')).toHaveLength(9);
    const lasting = CONDITIONS.filter((c) => c.group === 'duurzaam').map((c) => c.name.nl);
    expect(lasting).toEqual(
      expect.arrayContaining(['Diversiteit van het team', 'Draagvlak verbreden', 'De gemeente als ondersteuner']),
    );
    expect(new Set(CONDITIONS.map((c) => c.id)).size).toBe(CONDITIONS.length);
    // Every condition comes with a short explanation in both languages.
    for (const c of CONDITIONS) {
      expect(CONDITION_EXPLANATIONS[c.id]?.nl.length, c.id).toBeGreaterThan(20);
      expect(CONDITION_EXPLANATIONS[c.id]?.en.length, c.id).toBeGreaterThan(20);
    }
    expect(Object.keys(CONDITION_EXPLANATIONS)).toHaveLength(CONDITIONS.length);
  });

  it("lists the roles a cooperation picked on the market and the roles it named on day one, by day one's names", () => {
    const item = (id: string, kind: string, sessionId: string, groupId: string, f: Record<string, unknown>): Item => ({
      id,
      kind,
      sessionId,
      groupId,
      authorId: 'p1',
      createdAt: 1,
      updatedAt: 1,
      ...f,
    });
    const proposal = (id: string, groupId: string, name: string) =>
      item(id, 'roleProposal', 'krachten-rollen', groupId, { name, description: 'x', side: 'formal', strengthIds: [] });
    const items = [
      proposal('rpA', 'gA', 'De brugbouwer'),
      proposal('rpB', 'gB', 'De sleutelfiguur'),
      proposal('rpNo', 'gA', 'Niet opgenomen'),
      item('k1', 'rolePick', 'rollenmarkt', 'gA', { roleId: SOURCE_ROLES[0]!.id }),
      item('k2', 'rolePick', 'rollenmarkt', 'gA', { roleId: 'rpB' }),
      item('k3', 'rolePick', 'rollenmarkt', 'gB', { roleId: SOURCE_ROLES[1]!.id }),
    ];
    const programme = [
      { id: 'krachten-rollen', kind: 'strengths' },
      { id: 'rollenmarkt', kind: 'roleMarket' },
    ];
    const exercises = { 'krachten-rollen': { acceptedRoles: ['rpA', 'rpB'], roleNames: { rpA: 'De bruggenbouwer' } } };
    const roles = planRoles(items, programme, exercises, 'gA');
    expect(roles.map((r) => r.id)).toEqual([SOURCE_ROLES[0]!.id, 'rpB', 'rpA']);
    // The facilitator's rename on day one is the name in the plan.
    expect(roleNameIn(items, programme, exercises)('rpA')?.nl).toBe('De bruggenbouwer');
    expect(roleNameIn(items, programme, exercises)('rpNo')).toBeNull();
  });

  it('summarises the checklist state, the latest mark per condition counting', () => {
    expect(checklistSummary([])).toEqual({ present: 0, work: 0, na: 0, open: CONDITIONS.length });
    const s = checklistSummary([
      { conditionId: 'trust', status: 'present' },
      { conditionId: 'urgency', status: 'work' },
      { conditionId: 'urgency', status: 'na' },
      { conditionId: 'unknown', status: 'present' },
    ]);
    expect(s).toEqual({ present: 1, work: 0, na: 1, open: CONDITIONS.length - 2 });
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
