import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUploadRoom, freeSpaceFloor, StorageFullError } from '../../server/uploads/quota';

describe('upload room: free-space floor and per-workshop quota', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'werkplaats-quota-'));
  const workshopDir = path.join(dataDir, 'uploads', 'w1');
  mkdirSync(workshopDir, { recursive: true });
  writeFileSync(path.join(workshopDir, 'u1'), Buffer.alloc(6000));

  it('lets an upload through within the quota and above the floor', async () => {
    await expect(checkUploadRoom({ dataDir, workshopDir, size: 1000, floor: 0, quota: 10_000 })).resolves.toBe(
      undefined,
    );
  });

  it('refuses past the workshop quota with 507, in Dutch and English', async () => {
    const err = await checkUploadRoom({ dataDir, workshopDir, size: 5000, floor: 0, quota: 10_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).status).toBe(507);
    expect((err as StorageFullError).toJSON().error.messageNl).toMatch(/werkplaats/);
  });

  it('refuses below the free-space floor', async () => {
    const err = await checkUploadRoom({ dataDir, workshopDir, size: 1, floor: Number.MAX_SAFE_INTEGER }).catch(
      (e) => e,
    );
    expect((err as StorageFullError).toJSON().error.message).toMatch(/storage space/);
  });

  it('reads the floor from MIN_FREE_BYTES', () => {
    expect(freeSpaceFloor({ MIN_FREE_BYTES: '123' })).toBe(123);
    expect(freeSpaceFloor({})).toBeGreaterThan(0);
  });
});
