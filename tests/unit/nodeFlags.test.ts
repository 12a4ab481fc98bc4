import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags';

// package.json and the Dockerfile cannot import server/nodeFlags.ts, so they spell the flags out; this keeps them equal.
describe('server node flags', () => {
  it('are the same in every place that starts the server', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const cmd = /^CMD (.*)$/m.exec(dockerfile)?.[1] ?? '';
    for (const flag of SERVER_NODE_FLAGS) {
      for (const script of ['start', 'demo', 'bench']) expect(scripts[script]).toContain(` ${flag} `);
      expect(JSON.parse(cmd) as string[]).toContain(flag);
    }
  });
});
