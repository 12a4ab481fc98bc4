import { describe, expect, it } from 'vitest';
import { readableLine } from '../../server/logging';
import { createMetrics, reasonLabel } from '../../server/metrics';
import { Connections } from '../../server/connections';

describe('log lines for a terminal', () => {
  it('prints time, level, message and fields; keeps a line that is not JSON as it is', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-05-12T09:31:40.002Z',
      workshopId: 'w1',
      reqId: 'r1',
      msg: 'not ready',
    });
    expect(readableLine(line)).toBe('09:31:40 WARN  not ready workshopId=w1 reqId=r1\n');
    expect(readableLine('plain text')).toBe('plain text');
  });
});

describe('refusal reasons as metric labels', () => {
  it('strips numbers and quoted values so one kind of refusal is one label', () => {
    expect(reasonLabel('write: client id 123456 belongs to someone else')).toBe(
      'write: client id N belongs to someone else',
    );
    expect(reasonLabel('write: client id 98 belongs to someone else')).toBe(
      'write: client id N belongs to someone else',
    );
    expect(reasonLabel(`write: field "x${'y'.repeat(200)}" is written twice`)).toBe('write: field … is written twice');
    expect(reasonLabel('x'.repeat(500))).toHaveLength(60);
  });
});

describe('refusal labels are bounded', () => {
  it('counts at most 50 different reasons, the rest as "other", so a hostile client cannot grow the registry', async () => {
    const m = createMetrics({ connections: new Connections(), leasesHeld: () => 0 });
    const word = (i: number) => i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!);
    for (let i = 0; i < 200; i++) m.notice({ code: 'refused', message: `made up reason ${word(i)}` });
    const values = (await m.registry.getSingleMetric('werkplaats_refusals_total')!.get()).values;
    expect(values).toHaveLength(51);
    expect(values.find((v) => v.labels.reason === 'other')?.value).toBe(150);
    m.close();
  });
});
