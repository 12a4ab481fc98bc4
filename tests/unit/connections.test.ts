import { describe, expect, it } from 'vitest';
import { Connections, type OpenConnection } from '../../server/connections';
import type { Principal } from '../../shared/roles';

const participant = (workshopId: string, participantId: string): Principal => ({
  role: 'participant',
  workshopId,
  participantId,
});

let clock = 0;
function conn(principal: Principal, channel: string): OpenConnection & { closed: number[] } {
  const closed: number[] = [];
  return { principal, channel, openedAt: ++clock, closed, close: (code) => closed.push(code) };
}

describe('Connections', () => {
  it('closes the oldest of one participant on one channel, and counts nobody else', () => {
    const reg = new Connections();
    const a = [1, 2, 3].map(() => conn(participant('w1', 'pa'), 'yjs:w1/board'));
    const others = [
      conn(participant('w1', 'pa'), 'io'),
      conn(participant('w1', 'pb'), 'yjs:w1/board'),
      conn(participant('w2', 'pa'), 'yjs:w2/board'),
      conn({ role: 'screen', workshopId: 'w1' }, 'yjs:w1/board'),
    ];
    for (const c of [...a, ...others]) reg.add(c, 2);
    expect(a.map((c) => c.closed)).toEqual([[1008], [], []]);
    expect(others.every((c) => c.closed.length === 0)).toBe(true);
    expect(reg.count()).toBe(6);
  });

  it('forgets connections that were removed or closed, so they no longer count toward the limit', () => {
    const reg = new Connections();
    const first = conn(participant('w1', 'pa'), 'io');
    const second = conn(participant('w1', 'pa'), 'io');
    reg.add(first, 2);
    reg.add(second, 2);
    reg.remove(first);
    expect(reg.closeWhere((p) => p.participantId === 'pa', 4401, 'revoked')).toBe(1);
    expect(second.closed).toEqual([4401]);
    const third = conn(participant('w1', 'pa'), 'io');
    const fourth = conn(participant('w1', 'pa'), 'io');
    reg.add(third, 2);
    reg.add(fourth, 2);
    expect([first.closed, third.closed, fourth.closed]).toEqual([[], [], []]);
    expect(reg.count()).toBe(2);
  });
});
