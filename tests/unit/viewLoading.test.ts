import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../../shared/template';
import { loadOnce } from '../../client/exercises/loadOnce';
import { nextSession } from '../../client/exercises/nextSession';

describe('loadOnce (exercise views loaded on demand)', () => {
  it('loads once, and marks the promise so use() reads it without suspending', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls++;
      return 'view';
    });
    const first = load.get();
    expect(first.status).toBe('pending');
    expect(load.get()).toBe(first);
    await expect(first).resolves.toBe('view');
    expect(first).toMatchObject({ status: 'fulfilled', value: 'view' });
    load.retry();
    expect(load.get()).toBe(first);
    expect(calls).toBe(1);
  });

  it('keeps a failed load until asked to retry (React must see the failure), then tries again', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return 'view';
    });
    const failed = load.get();
    await expect(failed).rejects.toThrow('offline');
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(load.get()).toBe(failed);
    load.retry();
    const retried = load.get();
    expect(retried).not.toBe(failed);
    await expect(retried).resolves.toBe('view');
    expect(calls).toBe(2);
  });
});

describe('nextSession (what a page preloads)', () => {
  it('is the session after the current one, none after the last or when nothing runs', () => {
    const [first, second] = DEFAULT_PROGRAMME;
    expect(nextSession(DEFAULT_PROGRAMME, first!.id)).toBe(second);
    expect(nextSession(DEFAULT_PROGRAMME, DEFAULT_PROGRAMME.at(-1)!.id)).toBeUndefined();
    expect(nextSession(DEFAULT_PROGRAMME, undefined)).toBeUndefined();
    expect(nextSession(DEFAULT_PROGRAMME, 'gone')).toBeUndefined();
  });
});
