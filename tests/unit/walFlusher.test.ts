import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/SqliteStorage';
import { WalFlusher } from '../../server/storage/WalFlusher';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'werkplaats-wal-'));

/** SQLite commits without flushing; the WalFlusher flushes off the event loop, and only then is a write stored. */
describe('WAL flushing', () => {
  it('confirms every write queued in one turn, in order', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    const writes = Array.from({ length: 50 }, (_, i) => storage.appendUpdate('w/board', new Uint8Array([i]), 'a', i));
    const seqs = await Promise.all(writes);
    expect(new Set(seqs).size).toBe(50);
    expect((await storage.readLog('w/board')).map((u) => u.data[0])).toEqual(writes.map((_, i) => i));
    await storage.close();
  });

  it('reports a write as not stored when the log cannot be flushed, with the reason', async () => {
    const dir = tempDir();
    const flusher = new WalFlusher(path.join(dir, 'missing.sqlite-wal'));
    await expect(flusher.flushed()).rejects.toThrow(/ENOENT/);
    rmSync(dir, { recursive: true });
  });

  it('settles writes still waiting for their flush when the database closes', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    // Queued, not yet committed: close() commits and flushes it on the spot.
    const write = storage.appendUpdate('w/board', new Uint8Array([7]), 'a', 1);
    await storage.close();
    await expect(write).resolves.toBeGreaterThan(0);
    const again = new SqliteStorage(dir);
    expect((await again.readLog('w/board')).map((u) => u.data[0])).toEqual([7]);
    await again.close();
  });

  it('keeps every write it confirmed when the process is killed right after', async () => {
    const dir = tempDir();
    // A child stores writes and says so on stdout after each; it is killed (SIGKILL) mid-stream.
    const script = `
      import { SqliteStorage } from ${JSON.stringify(path.resolve('server/storage/SqliteStorage.ts'))};
      const s = new SqliteStorage(process.argv[1]);
      for (let i = 0; ; i++) {
        const seq = await s.appendUpdate('w/board', new Uint8Array([i % 256]), 'a', i);
        process.stdout.write(seq + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const confirmed: number[] = [];
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) confirmed.push(Number(l));
        if (confirmed.length >= 200 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const storage = new SqliteStorage(dir);
    const logged = new Set((await storage.readLog('w/board')).map((u) => u.seq));
    expect(confirmed.length).toBeGreaterThanOrEqual(200);
    expect(confirmed.filter((seq) => !logged.has(seq))).toEqual([]);
    await storage.close();
  }, 30_000);
});
