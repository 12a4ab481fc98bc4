import { describe, expect, it } from 'vitest';
import { SOURCE_ROLES, type RoleCard } from '../../../shared/catalogue/roles';
import { assignedResearchers, groupOfResearcher } from '../../../shared/exercises/dayTwo/workspace';
import {
  filterCards,
  pickLimits,
  pickProgress,
  roleGrid,
  roleMarketCards,
  rolePickFields,
  roleTally,
  type RolePick,
} from '../../../shared/exercises/roleMarket';
import { DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../../../shared/template';

const pick = (
  id: string,
  roleId: string,
  author: string,
  who: { whoMemberId?: string; whoParty?: string },
  groupId = 'g1',
) => ({ id, roleId, authorId: author, groupId, why: `reden ${id}`, ...who }) as RolePick;

describe('role market', () => {
  it('builds its cards from one catalogue and names the source', () => {
    const m = roleMarketCards();
    expect(m.cards).toHaveLength(27);
    expect(m.about.nl).toContain('Figuur 3');
    expect(m.about.nl).toContain(TEMPLATE_SOURCE);
    const named: RoleCard = { ...SOURCE_ROLES[0]!, id: 'bruggenbouwer', source: 'dag 1' };
    const withDayOne = roleMarketCards([...SOURCE_ROLES, named]);
    expect(withDayOne.cards).toHaveLength(28);
    expect(withDayOne.about.nl).toContain('1 rollen benoemd op dag één');
    expect(filterCards(m.cards, 'formal')).toHaveLength(10);
    expect(filterCards(m.cards, 'informal')).toHaveLength(17);
  });

  it('takes pick limits from live state over settings over the 3–5 default, and keeps them sane', () => {
    expect(pickLimits({})).toEqual({ min: 3, max: 5 });
    const settings = DEFAULT_PROGRAMME.find((s) => s.id === 'rollenmarkt')!.settings;
    expect(pickLimits(settings)).toEqual({ min: 3, max: 5 });
    expect(pickLimits(settings, { minPicks: 1, maxPicks: 2 })).toEqual({ min: 1, max: 2 });
    expect(pickLimits({ minPicks: 9, maxPicks: 4 })).toEqual({ min: 4, max: 4 });
    expect(pickLimits({ minPicks: 0, maxPicks: 99 })).toEqual({ min: 1, max: 20 });
    expect(pickProgress(2, { min: 3, max: 5 })).toEqual({ count: 2, canPickMore: true, enough: false, remaining: 1 });
    expect(pickProgress(5, { min: 3, max: 5 }).canPickMore).toBe(false);
  });

  it('asks who (a member or a party, not both) and why', () => {
    expect(rolePickFields.safeParse({ roleId: 'fixer', whoMemberId: 'p1', why: 'omdat' }).success).toBe(true);
    expect(rolePickFields.safeParse({ roleId: 'fixer', whoParty: 'het wijkteam', why: 'omdat' }).success).toBe(true);
    expect(rolePickFields.safeParse({ roleId: 'fixer', why: 'omdat' }).success).toBe(false);
    expect(rolePickFields.safeParse({ roleId: 'fixer', whoMemberId: 'p1', whoParty: 'x', why: 'omdat' }).success).toBe(
      false,
    );
    expect(rolePickFields.safeParse({ roleId: 'fixer', whoMemberId: 'p1', why: '  ' }).success).toBe(false);
  });

  it('lays picks out as people × roles, members first, then parties', () => {
    const picks = [
      pick('a', 'fixer', 'p1', { whoParty: 'Het wijkteam' }),
      pick('b', 'fixer', 'p2', { whoMemberId: 'p3' }),
      pick('c', 'coordinator', 'p3', { whoParty: 'het wijkteam' }),
      pick('d', 'networker', 'p1', { whoMemberId: 'p1' }),
    ];
    const grid = roleGrid(picks, ['p1', 'p2', 'p3'], SOURCE_ROLES);
    expect(grid.rows.map((r) => r.memberId ?? r.party)).toEqual(['p1', 'p3', 'Het wijkteam']);
    expect(grid.columns.map((c) => c.id).sort()).toEqual(['coordinator', 'fixer', 'networker']);
    expect(grid.cell(grid.rows[2]!, 'fixer').map((p) => p.id)).toEqual(['a']);
    expect(grid.cell(grid.rows[2]!, 'coordinator').map((p) => p.id)).toEqual(['c']);
    expect(grid.cell(grid.rows[0]!, 'fixer')).toEqual([]);
  });

  it('tallies every role, per cooperation, and keeps the roles nobody picked', () => {
    const picks = [
      pick('a', 'fixer', 'p1', { whoParty: 'x' }, 'g1'),
      pick('b', 'fixer', 'p2', { whoParty: 'y' }, 'g2'),
    ];
    const tally = roleTally(picks, SOURCE_ROLES);
    expect(tally).toHaveLength(SOURCE_ROLES.length);
    expect(tally[0]).toMatchObject({ count: 2, byGroup: { g1: 1, g2: 1 } });
    expect(tally.filter((r) => r.count === 0)).toHaveLength(SOURCE_ROLES.length - 1);
  });
});

describe('cooperation workspaces', () => {
  it('merges researcher assignments over the programme, later sessions winning, empty clearing', () => {
    const a = assignedResearchers(DEFAULT_PROGRAMME, {
      visie: { researchers: { g1: 'Eva', g2: 'Tom' } },
      rollenmarkt: { researchers: { g2: 'Lies', g3: '' } },
      plan: { researchers: { g1: '' } },
    });
    expect(a).toEqual({ g2: 'Lies' });
    expect(groupOfResearcher({ g1: 'Eva Jansen' }, ' eva jansen ')).toBe('g1');
    expect(groupOfResearcher({ g1: 'Eva' }, '')).toBeNull();
  });
});
